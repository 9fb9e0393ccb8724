"""Claim pairs written for bench/similar_claims.py (invented actors and places, no copied text).

Each case is (earlier claim, later claim, should the earlier one be among the later one's similar
claims). An entry is (actor, text, quantities as (value, total, noun)). Positives are paraphrases,
the same numbers in other words, and the same claim with other numbers; negatives are near-misses:
the same words or numbers about something else.
"""

WESTLAND, EASTLAND = "Westland Air Force", "Eastland Defence Ministry"
PORT_MAYOR, HEALTH = "Mayor of Port Vell", "Westland Health Ministry"

CASES = [
    # Paraphrases.
    ((WESTLAND, "it shot down 17 of 22 drones overnight", [(17, 22, "drones")]),
     (WESTLAND, "air defences downed 17 out of 22 drones during the night", [(17, 22, "drones")]), True),
    ((EASTLAND, "its forces captured the village of Dravik", []),
     (EASTLAND, "its troops took control of Dravik village", []), True),
    ((PORT_MAYOR, "power had been restored to 9,000 homes by morning", [(9000, None, "homes")]),
     (PORT_MAYOR, "electricity was back in 9,000 homes by the morning", [(9000, None, "homes")]), True),
    ((HEALTH, "12 people were injured in the attack on the harbour", [(12, None, "people")]),
     ("Port Vell hospital", "the attack on the harbour injured 12 people", [(12, None, "people")]), True),
    ((EASTLAND, "the bridge at Sorel was destroyed by a missile strike", []),
     ("Eastland army", "a missile strike destroyed the Sorel bridge", []), True),
    ((WESTLAND, "the grain corridor remains open to shipping", []),
     ("Westland Ports Authority", "shipping through the grain corridor remains open", []), True),
    ((HEALTH, "the water supply in Port Vell is safe to drink", []),
     (PORT_MAYOR, "Port Vell's water supply is safe to drink", []), True),
    ((EASTLAND, "it had withdrawn its troops from the left bank of the Ister", []),
     (EASTLAND, "troops were withdrawn from the Ister's left bank", []), True),
    # The same numbers in other words.
    ((WESTLAND, "it intercepted 31 of 40 missiles launched at the capital", [(31, 40, "missiles")]),
     ("Westland president", "31 missiles out of 40 fired at the capital were intercepted", [(31, 40, "missiles")]), True),
    ((EASTLAND, "it destroyed 14 tanks near Dravik", [(14, None, "tanks")]),
     (EASTLAND, "fourteen enemy tanks were eliminated around Dravik, 14 in all", [(14, None, "tanks")]), True),
    ((HEALTH, "2,500 people have been evacuated from the flood zone", [(2500, None, "people")]),
     ("Westland Emergency Service", "rescuers moved 2,500 residents out of the flooded area", [(2500, None, "residents")]), True),
    # The same claim with other numbers (a count revised).
    ((WESTLAND, "it shot down 12 drones over the southern regions", [(12, None, "drones")]),
     (WESTLAND, "it shot down 19 drones over the southern regions", [(19, None, "drones")]), True),
    ((HEALTH, "the death toll from the strike on Lenna rose to 7", [(7, None, "")]),
     (HEALTH, "the death toll from the strike on Lenna rose to 11", [(11, None, "")]), True),
    ((PORT_MAYOR, "about 300 homes are still without heating", [(300, None, "homes")]),
     (PORT_MAYOR, "about 120 homes are still without heating", [(120, None, "homes")]), True),
    # Near-misses: the same shape about something else.
    ((WESTLAND, "it shot down 17 of 22 drones overnight", [(17, 22, "drones")]),
     (EASTLAND, "it lost 3 aircraft in the fighting near Dravik", [(3, None, "aircraft")]), False),
    ((EASTLAND, "its forces captured the village of Dravik", []),
     (EASTLAND, "its forces repelled an attack on the town of Marrow", []), False),
    ((PORT_MAYOR, "power had been restored to 9,000 homes by morning", [(9000, None, "homes")]),
     (PORT_MAYOR, "9,000 people attended the harbour festival", [(9000, None, "people")]), False),
    ((HEALTH, "12 people were injured in the attack on the harbour", [(12, None, "people")]),
     (HEALTH, "the new hospital wing will open on 12 May", []), False),
    ((EASTLAND, "the bridge at Sorel was destroyed by a missile strike", []),
     (EASTLAND, "the bridge at Sorel will reopen to traffic next week", []), False),
    ((WESTLAND, "the grain corridor remains open to shipping", []),
     (WESTLAND, "the border crossing remains closed to trucks", []), False),
    ((HEALTH, "the water supply in Port Vell is safe to drink", []),
     (HEALTH, "the vaccine supply in Port Vell will last until June", []), False),
    ((WESTLAND, "it intercepted 31 of 40 missiles launched at the capital", [(31, 40, "missiles")]),
     (WESTLAND, "31 journalists were accredited for the summit in the capital", [(31, None, "journalists")]), False),
    ((EASTLAND, "it destroyed 14 tanks near Dravik", [(14, None, "tanks")]),
     (EASTLAND, "14 soldiers were awarded medals in a ceremony", [(14, None, "soldiers")]), False),
    ((HEALTH, "2,500 people have been evacuated from the flood zone", [(2500, None, "people")]),
     (HEALTH, "2,500 new doctors will be hired this year", [(2500, None, "doctors")]), False),
    ((PORT_MAYOR, "about 300 homes are still without heating", [(300, None, "homes")]),
     (PORT_MAYOR, "about 300 new homes will be built in the north district", [(300, None, "homes")]), False),
    ((EASTLAND, "it had withdrawn its troops from the left bank of the Ister", []),
     (EASTLAND, "it had reinforced its positions on the right bank of the Ister", []), False),
]

# Written after the scoring and its 0.35 threshold were chosen on CASES: the held-out figure, until
# its false matches (the same number of other things) prompted the one change made since. Same
# kinds: paraphrases, the same numbers in other words, a count revised; then near-misses.
ENERGY, FOREIGN = "Westland Energy Company", "Eastland Foreign Ministry"
HELD_OUT = [
    ((EASTLAND, "its air defences intercepted 9 cruise missiles over the coast", [(9, None, "missiles")]),
     ("Eastland Air Command", "9 cruise missiles were intercepted over the coast", [(9, None, "missiles")]), True),
    ((PORT_MAYOR, "the ferry service to Lenna will resume on Friday", []),
     ("Port Vell Ferry Company", "ferries to Lenna resume on Friday", []), True),
    ((HEALTH, "40 patients were moved from the hospital in Marrow", [(40, None, "patients")]),
     (HEALTH, "the Marrow hospital evacuated 40 patients", [(40, None, "patients")]), True),
    ((ENERGY, "power cuts will last four hours a day in the capital", []),
     (ENERGY, "the capital faces power cuts of four hours a day", []), True),
    ((PORT_MAYOR, "the harbour will stay closed to cargo ships until Monday", []),
     ("Port Vell harbour master", "cargo ships cannot enter the harbour until Monday", []), True),
    ((WESTLAND, "it carried out 25 strikes on enemy positions near Sorel", [(25, None, "strikes")]),
     (WESTLAND, "25 enemy positions near Sorel were struck", [(25, None, "positions")]), True),
    ((HEALTH, "3 children were among the wounded in Lenna", [(3, None, "children")]),
     ("Lenna city council", "among the wounded in Lenna were 3 children", [(3, None, "children")]), True),
    ((FOREIGN, "it expelled 5 Westland diplomats", [(5, None, "diplomats")]),
     (FOREIGN, "5 diplomats from Westland were ordered to leave", [(5, None, "diplomats")]), True),
    ((EASTLAND, "the enemy lost 200 soldiers in the past day", [(200, None, "soldiers")]),
     (EASTLAND, "the enemy lost 350 soldiers in the past day", [(350, None, "soldiers")]), True),
    ((WESTLAND, "it has received 60 armoured vehicles from its allies", [(60, None, "vehicles")]),
     (WESTLAND, "allies have delivered 80 armoured vehicles to it", [(80, None, "vehicles")]), True),
    ((EASTLAND, "its air defences intercepted 9 cruise missiles over the coast", [(9, None, "missiles")]),
     (EASTLAND, "9 fishing boats were seized off the coast", [(9, None, "boats")]), False),
    ((PORT_MAYOR, "the ferry service to Lenna will resume on Friday", []),
     (PORT_MAYOR, "the bus service to the airport will be cut on Friday", []), False),
    ((HEALTH, "40 patients were moved from the hospital in Marrow", [(40, None, "patients")]),
     (HEALTH, "40 nurses graduated from the college in Marrow", [(40, None, "nurses")]), False),
    ((ENERGY, "power cuts will last four hours a day in the capital", []),
     (ENERGY, "power plants in the capital are running at full capacity", []), False),
    ((PORT_MAYOR, "the harbour will stay closed to cargo ships until Monday", []),
     (PORT_MAYOR, "the harbour will host a cruise ship on Monday", []), False),
    ((WESTLAND, "it carried out 25 strikes on enemy positions near Sorel", [(25, None, "strikes")]),
     (WESTLAND, "25 volunteers cleared rubble near Sorel", [(25, None, "volunteers")]), False),
    ((HEALTH, "3 children were among the wounded in Lenna", [(3, None, "children")]),
     (HEALTH, "3 children's hospitals in Lenna received new equipment", [(3, None, "hospitals")]), False),
    ((FOREIGN, "it expelled 5 Westland diplomats", [(5, None, "diplomats")]),
     (FOREIGN, "it will open 5 new embassies next year", [(5, None, "embassies")]), False),
    ((EASTLAND, "the enemy lost 200 soldiers in the past day", [(200, None, "soldiers")]),
     (EASTLAND, "200 soldiers returned home in a prisoner exchange", [(200, None, "soldiers")]), False),
    ((WESTLAND, "it has received 60 armoured vehicles from its allies", [(60, None, "vehicles")]),
     (WESTLAND, "it has sent 60 tonnes of grain to its allies", [(60, None, "tonnes")]), False),
]

# A second held-out set, written after HELD_OUT's figure was seen. Some paraphrases count their
# thing with another noun; some near-misses change one key word of an otherwise identical sentence.
COAST, LENNA, INTERIOR, BANK = "Northland Coast Guard", "Lenna city council", "Westland Interior Ministry", "Eastland Central Bank"
NAVY, HOSPITAL, ARMY, RESCUE = "Westland Navy", "Port Vell hospital", "Eastland army", "Westland Emergency Service"
HELD_OUT_2 = [
    ((COAST, "it rescued 14 migrants from a sinking boat", [(14, None, "migrants")]),
     (COAST, "14 people were pulled from a sinking boat", [(14, None, "people")]), True),
    ((LENNA, "the city will ration water for 2 weeks", [(2, None, "weeks")]),
     ("Lenna water utility", "water will be rationed in the city for two weeks", [(2, None, "weeks")]), True),
    ((INTERIOR, "police detained 120 protesters in the capital", [(120, None, "protesters")]),
     (INTERIOR, "120 demonstrators were arrested in the capital", [(120, None, "demonstrators")]), True),
    ((BANK, "inflation rose to 9 percent in March", [(9, None, "percent")]),
     (BANK, "inflation climbed to 9 percent in March", [(9, None, "percent")]), True),
    ((NAVY, "it sank 2 enemy landing craft near Lenna", [(2, None, "craft")]),
     (NAVY, "it sank 3 enemy landing craft near Lenna", [(3, None, "craft")]), True),
    ((HOSPITAL, "the hospital has run out of insulin", []),
     (HOSPITAL, "insulin has run out at the hospital", []), True),
    ((ARMY, "its units advanced 5 kilometres towards Marrow", [(5, None, "kilometres")]),
     (ARMY, "troops moved 5 km closer to Marrow", [(5, None, "km")]), True),
    ((RESCUE, "1,200 homes were flooded after the dam burst", [(1200, None, "homes")]),
     (RESCUE, "the dam burst flooded 1,200 houses", [(1200, None, "houses")]), True),
    ((COAST, "it rescued 14 migrants from a sinking boat", [(14, None, "migrants")]),
     (COAST, "14 new patrol boats joined the fleet", [(14, None, "boats")]), False),
    ((LENNA, "the city will ration water for 2 weeks", [(2, None, "weeks")]),
     (LENNA, "the city will host the games for 2 weeks", [(2, None, "weeks")]), False),
    ((INTERIOR, "police detained 120 protesters in the capital", [(120, None, "protesters")]),
     (INTERIOR, "120 police officers were promoted in the capital", [(120, None, "officers")]), False),
    ((BANK, "inflation rose to 9 percent in March", [(9, None, "percent")]),
     (BANK, "unemployment fell to 9 percent in March", [(9, None, "percent")]), False),
    ((NAVY, "it sank 2 enemy landing craft near Lenna", [(2, None, "craft")]),
     (NAVY, "2 sailors were decorated near Lenna", [(2, None, "sailors")]), False),
    ((HOSPITAL, "the hospital has run out of insulin", []),
     (HOSPITAL, "the hospital has run a blood drive", []), False),
    ((ARMY, "its units advanced 5 kilometres towards Marrow", [(5, None, "kilometres")]),
     (ARMY, "its units retreated 5 kilometres from Marrow", [(5, None, "kilometres")]), False),
    ((RESCUE, "1,200 homes were flooded after the dam burst", [(1200, None, "homes")]),
     (RESCUE, "1,200 homes were reconnected to the gas network", [(1200, None, "homes")]), False),
]

# A third held-out set, written before the numbers score stopped counting the same number of
# other things as "same numbers" (a change the first two sets' false matches prompted), and run
# only after it: the figure for that change.
POLICE, RAIL, CITY, DEFENCE = "Southland Police", "Westland Rail", "Mayor of Port Vell", "Eastland Defence Ministry"
HELD_OUT_3 = [
    ((POLICE, "officers seized 300 kilograms of cocaine at the port", [(300, None, "kilograms")]),
     ("Southland Customs", "300 kg of cocaine were seized in the port", [(300, None, "kg")]), True),
    ((RAIL, "the line to Lenna will close for 3 days of repairs", [(3, None, "days")]),
     (RAIL, "repairs will close the Lenna line for 3 days", [(3, None, "days")]), True),
    ((CITY, "the city has opened 6 heating centres", [(6, None, "centres")]),
     ("Port Vell city hall", "6 heating centres are now open in the city", [(6, None, "centres")]), True),
    ((DEFENCE, "it destroyed 11 ammunition depots in a week", [(11, None, "depots")]),
     (DEFENCE, "it destroyed 16 ammunition depots in a week", [(16, None, "depots")]), True),
    ((HEALTH, "1,500 doses of vaccine arrived in Marrow", [(1500, None, "doses")]),
     ("Marrow health office", "Marrow received 1,500 vaccine doses", [(1500, None, "doses")]), True),
    ((COAST, "the storm left 4 fishermen missing", [(4, None, "fishermen")]),
     (COAST, "4 men who went fishing are missing after the storm", [(4, None, "men")]), True),
    ((FOREIGN, "talks with Westland will resume in May", []),
     (FOREIGN, "negotiations with Westland are to restart in May", []), True),
    ((ENERGY, "the Sorel power plant is back online", []),
     (ENERGY, "the power plant at Sorel is online again", []), True),
    ((POLICE, "officers seized 300 kilograms of cocaine at the port", [(300, None, "kilograms")]),
     (POLICE, "300 officers were deployed at the port", [(300, None, "officers")]), False),
    ((RAIL, "the line to Lenna will close for 3 days of repairs", [(3, None, "days")]),
     (RAIL, "the line to Lenna will run 3 extra trains a day", [(3, None, "trains")]), False),
    ((CITY, "the city has opened 6 heating centres", [(6, None, "centres")]),
     (CITY, "the city has closed 6 schools", [(6, None, "schools")]), False),
    ((DEFENCE, "it destroyed 11 ammunition depots in a week", [(11, None, "depots")]),
     (DEFENCE, "it built 11 field hospitals in a week", [(11, None, "hospitals")]), False),
    ((HEALTH, "1,500 doses of vaccine arrived in Marrow", [(1500, None, "doses")]),
     (HEALTH, "1,500 residents of Marrow fell ill with flu", [(1500, None, "residents")]), False),
    ((COAST, "the storm left 4 fishermen missing", [(4, None, "fishermen")]),
     (COAST, "the storm damaged 4 lighthouses", [(4, None, "lighthouses")]), False),
    ((FOREIGN, "talks with Westland will resume in May", []),
     (FOREIGN, "talks with Northland will end in May", []), False),
    ((ENERGY, "the Sorel power plant is back online", []),
     (ENERGY, "the Sorel power plant was shelled again", []), False),
]

# Background claims stored first, so the similar claims are found among others, not alone.
BACKGROUND = [
    (WESTLAND, "it repelled {n} attacks near Marrow", "attacks"),
    (EASTLAND, "its artillery hit {n} targets overnight", "targets"),
    (HEALTH, "{n} hospitals are working on generators", "hospitals"),
    (PORT_MAYOR, "{n} schools will reopen on Monday", "schools"),
    ("Westland Energy Company", "{n} substations were damaged by shelling", "substations"),
    ("Eastland Foreign Ministry", "{n} diplomats were expelled", "diplomats"),
    ("Westland Rail", "{n} trains were delayed by the power cuts", "trains"),
    ("Westland Navy", "{n} ships passed through the corridor this week", "ships"),
]
