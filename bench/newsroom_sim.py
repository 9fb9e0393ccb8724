"""A local newsroom: fictional outlets' feeds, articles and live blogs that grow while you watch.

An HTTP server on 127.0.0.1 serves RSS and Atom feeds, article pages and HTML live blogs. Every
few seconds something happens: a new live-blog post, a new article, or an edit to an earlier
post. Some pages are slow, some answer 500 or 429 (with Retry-After) before they work, one
article is gone (404), one feed is malformed and one redirects to a private address
(http://10.0.0.1/, which the app must refuse without connecting).

It keeps a ledger of everything it published and served, which bench/soak.py compares with the
database. The same seed gives the same sequence of events.

Sentences come from ../shared/data/articles/*.txt when present (read at run time, never
copied into the repository), else from built-in templates about fictional places.

    .venv/bin/python bench/newsroom_sim.py --port 8765 --interval 4 --ledger /tmp/ledger.json
"""

import argparse
import hashlib
import html
import json
import math
import os
import random
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sources.parsing.passages import post_text_with_heading  # noqa: E402

SHARED_ARTICLES = Path(
    os.environ.get("CLAIMTRACK_SHARED_ARTICLES", Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "articles")
)
PRIVATE_REDIRECT_TARGET = "http://10.0.0.1/relay/feed.xml"
ATTRIBUTION_WORDS = (" said", " says", " told ", "according to", " claimed", " reported", " estimated")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")

# Built-in material: fictional places, people and numbers, so the extractor has work to do.
ACTORS = [
    "The regional rescue service", "The water authority", "Governor Anna Keller", "The interior ministry",
    "Ostmark's mayor", "The national rail operator", "A police spokesperson", "The Red Cross",
    "The defence ministry of Lenzia", "Foreign Minister Pavel Orlan", "The energy regulator",
]
CUES = ["said", "told reporters", "said in a statement", "wrote on social media", "announced"]
CONTENTS = [
    "{n} people had been evacuated from riverside villages overnight",
    "{n} homes were without electricity on {day}",
    "its crews had rescued {n} residents by boat since the morning",
    "{n} of {m} bridges in the valley remained closed",
    "around {n} soldiers had been sent to reinforce the dams",
    "the river had risen by {n} centimetres in six hours",
    "{n} drones had been intercepted over the border region",
    "it would release {n} million crowns for emergency relief",
    "at least {n} schools would stay shut until {day}",
    "{n} trains had been cancelled between Ostmark and Lenz",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PLAIN = [
    "Volunteers filled sandbags outside the town hall through the night.",
    "Roads into the old town were closed to all but emergency vehicles.",
    "Shops on the market square stayed shut as the water receded slowly.",
    "Residents gathered on the bridge to watch the current carry debris downstream.",
]


def builtin_sentence(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(PLAIN)
    content = rng.choice(CONTENTS).format(n=rng.randint(2, 900), m=rng.randint(901, 2000), day=rng.choice(DAYS))
    if rng.random() < 0.5:
        return f"{rng.choice(ACTORS)} {rng.choice(CUES)} {content}."
    return f"{content[0].upper()}{content[1:]}, {rng.choice(ACTORS).lower()} {rng.choice(CUES)}."


def shared_sentences(directory: Path = SHARED_ARTICLES) -> list[str]:
    """Prose sentences from the shared sample articles, attributed ones first in weight."""
    sentences = []
    for path in sorted(directory.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split())
            if len(line) < 60 or "http" in line or "Image:" in line or line.startswith("Skip"):
                continue
            for sentence in SENTENCE_END.split(line):
                if 50 <= len(sentence) <= 300 and sentence[-1] in ".\"”" and sentence[0].isupper():
                    sentences.append(sentence)
    return sentences


class Material:
    """Where post and article sentences come from; deterministic for a given rng."""

    def __init__(self, sentences: list[str] | None):
        self.sentences = sentences or []
        self.attributed = [s for s in self.sentences if any(word in s for word in ATTRIBUTION_WORDS)]

    @classmethod
    def load(cls, *, use_shared: bool = True) -> "Material":
        return cls(shared_sentences() if use_shared and SHARED_ARTICLES.is_dir() else None)

    @property
    def source(self) -> str:
        return f"{len(self.sentences)} sentences from {SHARED_ARTICLES}" if self.sentences else "built-in templates"

    def sentence(self, rng: random.Random) -> str:
        if not self.sentences:
            return builtin_sentence(rng)
        pool = self.attributed if self.attributed and rng.random() < 0.7 else self.sentences
        return rng.choice(pool)


def headline(sentence: str, limit: int = 80) -> str:
    words, line = sentence.rstrip(".\"”").split(), ""
    for word in words:
        if len(line) + len(word) + 1 > limit:
            break
        line = f"{line} {word}".strip()
    return line


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def http_date(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")


@dataclass
class Version:
    paragraphs: list[str]
    at: float
    served: int = 0  # 200 responses that carried this version

    @property
    def text(self) -> str:
        """The passage text the live-blog splitter makes of the post's paragraphs."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Post:
    post_id: int
    heading: str
    published: float
    versions: list[Version]


@dataclass
class LiveBlog:
    outlet: str
    slug: str
    title: str
    started: float
    posts: list[Post] = field(default_factory=list)
    slow_seconds: float = 0.0

    @property
    def path(self) -> str:
        return f"/{self.outlet}/live/{self.slug}"

    @property
    def updated(self) -> float:
        return max(version.at for post in self.posts for version in post.versions)


@dataclass
class Article:
    outlet: str
    slug: str
    title: str
    paragraphs: list[str]
    published: float
    fault: str = ""  # "500-once", "429-once", "404", "slow"
    failures_left: int = 0
    served: dict[str, int] = field(default_factory=dict)  # status code -> responses

    @property
    def path(self) -> str:
        return f"/{self.outlet}/news/{self.slug}"


@dataclass(frozen=True)
class OutletSpec:
    slug: str
    name: str
    feed_format: str  # "atom", "rss", "malformed", "private-redirect"
    has_live_blog: bool = False
    slow_live_blog: float = 0.0


OUTLETS = (
    OutletSpec("harbourline", "Harbourline News", "atom", has_live_blog=True),
    OutletSpec("meridian", "The Meridian Courier", "rss", has_live_blog=True, slow_live_blog=1.5),
    OutletSpec("northgate", "Northgate Wire", "atom"),
    OutletSpec("brokenpost", "The Broken Post", "malformed"),
    OutletSpec("relay", "Relay Daily", "private-redirect"),
)
# The faulty publisher's articles take these faults in turn, so every kind appears early.
FAULTY_PUBLISHER = "northgate"
ARTICLE_FAULTS = ("500-once", "429-once", "404", "slow", "", "")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A worker killed on purpose resets its keep-alive connection: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class NewsroomSimulator:
    def __init__(
        self,
        *,
        seed: int = 7,
        event_interval: float = 4.0,
        edit_min_age: float = 20.0,
        port: int = 0,
        material: Material | None = None,
        retry_after_seconds: int = 3,
        slow_article_seconds: float = 2.0,
    ):
        self.rng = random.Random(seed)
        self.seed = seed
        self.event_interval = event_interval
        self.edit_min_age = edit_min_age
        self.retry_after_seconds = retry_after_seconds
        self.slow_article_seconds = slow_article_seconds
        self.material = material or Material.load()
        self._lock = threading.RLock()
        # Whole seconds: feeds give times to the second, so events between two ticks stay ordered.
        self.started = float(math.ceil(time.time()))
        self.in_flight: dict[str, int] = {}  # paths being answered right now (slow pages)
        self.frozen_at: float | None = None
        self.events_applied = 0
        self.next_post_id = 1
        self.blogs: dict[str, LiveBlog] = {}
        self.articles: dict[str, Article] = {}
        self.requests: dict[str, int] = {}
        self.feed_faults_served: dict[str, int] = {}
        for spec in OUTLETS:
            if spec.has_live_blog:
                blog = LiveBlog(spec.slug, f"{spec.slug}-live", f"Live: the Ostmark valley floods ({spec.name})",
                                self.started, slow_seconds=spec.slow_live_blog)
                self.blogs[blog.path] = blog
                for _ in range(2):  # a page is a live blog from two posts on
                    self._add_post(blog, self.started)
        self._httpd = _QuietServer(("127.0.0.1", port), self._handler_class())
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="newsroom-sim", daemon=True)

    # Running ---------------------------------------------------------------------------------

    def start(self) -> "NewsroomSimulator":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def freeze(self) -> None:
        """Publish nothing more: what is out now is what the app must end up with."""
        with self._lock:
            self._advance(time.time())
            self.frozen_at = time.time()

    def feeds(self) -> list[tuple[str, str]]:
        """(feed URL, outlet name) for every outlet."""
        return [(f"{self.base_url}/{spec.slug}/feed.xml", spec.name) for spec in OUTLETS]

    # Events ----------------------------------------------------------------------------------

    def _advance(self, now: float) -> None:
        """Apply every event due by now, in order; the rng makes their content deterministic."""
        if self.frozen_at is not None:
            return
        due = int((now - self.started) / self.event_interval)
        while self.events_applied < due:
            self.events_applied += 1
            self._apply_event(self.started + self.events_applied * self.event_interval)

    def _apply_event(self, at: float) -> None:
        roll = self.rng.random()
        if roll < 0.25 and self._edit_a_post(at):
            return
        if roll < 0.45:
            self._add_article(at)
            return
        blogs = list(self.blogs.values())
        self._add_post(blogs[self.events_applied % len(blogs)], at)

    def _add_post(self, blog: LiveBlog, at: float) -> None:
        paragraphs = [self.material.sentence(self.rng) for _ in range(self.rng.randint(1, 3))]
        blog.posts.append(Post(self.next_post_id, headline(paragraphs[0]), at, [Version(paragraphs, at)]))
        self.next_post_id += 1

    def _edit_a_post(self, at: float) -> bool:
        """Edit an older post once: a corrected number or a paragraph added."""
        candidates = [
            post for blog in self.blogs.values() for post in blog.posts
            if len(post.versions) == 1 and at - post.published >= self.edit_min_age
        ]
        if not candidates:
            return False
        post = self.rng.choice(candidates)
        paragraphs = list(post.versions[-1].paragraphs)
        numbers = re.findall(r"\b\d+\b", paragraphs[0])
        if numbers and self.rng.random() < 0.5:
            old = numbers[0]
            paragraphs[0] = re.sub(rf"\b{old}\b", str(int(old) + self.rng.randint(1, 9)), paragraphs[0], count=1)
        else:
            paragraphs.append(f"Update: {self.material.sentence(self.rng)}")
        post.versions.append(Version(paragraphs, at))
        return True

    def _add_article(self, at: float) -> None:
        # Two articles of three come from the faulty publisher.
        outlet = "harbourline" if len(self.articles) % 3 == 2 else FAULTY_PUBLISHER
        earlier = sum(1 for article in self.articles.values() if article.outlet == outlet)
        fault = ARTICLE_FAULTS[earlier % len(ARTICLE_FAULTS)] if outlet == FAULTY_PUBLISHER else ""
        paragraphs = []
        wanted = self.rng.randint(3, 5)
        while len(paragraphs) < wanted:
            sentence = self.material.sentence(self.rng)
            if sentence not in paragraphs:
                paragraphs.append(sentence)
        number = len(self.articles) + 1
        article = Article(
            outlet, f"story-{number}", f"{headline(paragraphs[0], 70)} ({number})", paragraphs, at,
            fault=fault, failures_left=1 if fault.endswith("-once") else 0,
        )
        self.articles[article.path] = article

    # Pages -----------------------------------------------------------------------------------

    def _feed_entries(self, outlet: str) -> list[tuple[str, str, float, float]]:
        """(path, title, published, updated) of the outlet's items, newest first."""
        entries = [(blog.path, blog.title, blog.started, blog.updated) for blog in self.blogs.values() if blog.outlet == outlet]
        entries += [(a.path, a.title, a.published, a.published) for a in self.articles.values() if a.outlet == outlet]
        return sorted(entries, key=lambda entry: entry[3], reverse=True)

    def _atom(self, spec: OutletSpec) -> str:
        entries = self._feed_entries(spec.slug)
        updated = max((entry[3] for entry in entries), default=self.started)
        items = "".join(
            f"<entry><title>{html.escape(title)}</title><link href=\"{self.base_url}{path}\"/>"
            f"<id>{self.base_url}{path}</id><published>{iso(published)}</published>"
            f"<updated>{iso(changed)}</updated></entry>\n"
            for path, title, published, changed in entries
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{html.escape(spec.name)}</title><id>{self.base_url}/{spec.slug}/</id>"
            f"<updated>{iso(updated)}</updated>\n{items}</feed>\n"
        )

    def _rss(self, spec: OutletSpec) -> str:
        items = "".join(
            f"<item><title>{html.escape(title)}</title><link>{self.base_url}{path}</link>"
            f"<guid>{self.base_url}{path}</guid><pubDate>{http_date(published)}</pubDate>"
            f"<atom:updated>{iso(changed)}</atom:updated></item>\n"
            for path, title, published, changed in self._feed_entries(spec.slug)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
            f"<channel><title>{html.escape(spec.name)}</title><link>{self.base_url}/{spec.slug}/</link>"
            f"<description>Fictional outlet</description>\n{items}</channel></rss>\n"
        )

    @staticmethod
    def _malformed(spec: OutletSpec) -> str:
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{spec.name}</title><item><title>Cut off <b>here'

    def _live_blog_page(self, blog: LiveBlog) -> str:
        posts = []
        for post in sorted(blog.posts, key=lambda post: post.published, reverse=True):
            version = post.versions[-1]
            version.served += 1
            body = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in version.paragraphs)
            posts.append(
                f'<li class="post" id="post-{post.post_id}"><h2>{html.escape(post.heading)}</h2>'
                f'<time datetime="{iso(post.published)}">{datetime.fromtimestamp(post.published, UTC):%H:%M}</time>'
                f'{body}<a href="#post-{post.post_id}" class="share">Link to this post</a></li>\n'
            )
        ld = json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": blog.title,
                         "datePublished": iso(blog.started), "dateModified": iso(blog.updated)})
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(blog.title)}</title>'
            f'<link rel="canonical" href="{self.base_url}{blog.path}">'
            f'<meta property="article:published_time" content="{iso(blog.started)}">'
            f'<meta property="article:modified_time" content="{iso(blog.updated)}">'
            f'<script type="application/ld+json">{ld}</script></head><body><article class="liveblog">'
            f"<header><h1>{html.escape(blog.title)}</h1><time datetime=\"{iso(blog.started)}\">started</time></header>"
            f'<ol class="posts">\n{"".join(posts)}</ol></article></body></html>'
        )

    def _article_page(self, article: Article) -> str:
        body = "".join(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in article.paragraphs)
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(article.title)}</title>'
            f'<link rel="canonical" href="{self.base_url}{article.path}">'
            f'<meta property="article:published_time" content="{iso(article.published)}">'
            f'<meta name="author" content="Staff reporter"></head><body><header><h1>{html.escape(article.title)}</h1>'
            f'<span class="byline">By Staff reporter, <time datetime="{iso(article.published)}">'
            f"{http_date(article.published)}</time></span></header><main><article>\n{body}</article></main></body></html>"
        )

    def respond(self, path: str, if_none_match: str | None) -> tuple[int, dict[str, str], bytes, float]:
        """(status, headers, body, delay) for a GET; records what was served in the ledger."""
        with self._lock:
            self._advance(time.time())
            self.requests[path] = self.requests.get(path, 0) + 1
            parts = path.strip("/").split("/")
            spec = next((spec for spec in OUTLETS if parts and spec.slug == parts[0]), None)
            if spec and parts[1:] == ["feed.xml"]:
                return self._feed_response(spec, if_none_match)
            if path in self.blogs:
                blog = self.blogs[path]
                return 200, {"Content-Type": "text/html; charset=utf-8"}, self._live_blog_page(blog).encode(), blog.slow_seconds
            if path in self.articles:
                return self._article_response(self.articles[path])
            return 404, {"Content-Type": "text/plain"}, b"not found", 0.0

    def _feed_response(self, spec: OutletSpec, if_none_match: str | None):
        if spec.feed_format == "private-redirect":
            self.feed_faults_served[spec.slug] = self.feed_faults_served.get(spec.slug, 0) + 1
            return 302, {"Location": PRIVATE_REDIRECT_TARGET}, b"", 0.0
        if spec.feed_format == "malformed":
            self.feed_faults_served[spec.slug] = self.feed_faults_served.get(spec.slug, 0) + 1
            return 200, {"Content-Type": "application/rss+xml"}, self._malformed(spec).encode(), 0.0
        body = (self._atom(spec) if spec.feed_format == "atom" else self._rss(spec)).encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if if_none_match == etag:
            return 304, {"ETag": etag}, b"", 0.0
        content_type = "application/atom+xml" if spec.feed_format == "atom" else "application/rss+xml"
        return 200, {"Content-Type": f"{content_type}; charset=utf-8", "ETag": etag}, body, 0.0

    def _article_response(self, article: Article):
        status, headers, body, delay = 200, {"Content-Type": "text/html; charset=utf-8"}, b"", 0.0
        if article.fault == "404":
            status, body = 404, b"gone"
        elif article.failures_left > 0:
            article.failures_left -= 1
            status, body = (500, b"server error") if article.fault == "500-once" else (429, b"slow down")
            if status == 429:
                headers["Retry-After"] = str(self.retry_after_seconds)
        else:
            body = self._article_page(article).encode()
            delay = self.slow_article_seconds if article.fault == "slow" else 0.0
        article.served[str(status)] = article.served.get(str(status), 0) + 1
        return status, headers, body, delay

    def count_in_flight(self, path: str, change: int) -> None:
        with self._lock:
            self.in_flight[path] = self.in_flight.get(path, 0) + change

    def _handler_class(self):
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                status, headers, body, delay = simulator.respond(path, self.headers.get("If-None-Match"))
                simulator.count_in_flight(path, +1)
                try:
                    time.sleep(delay)
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    simulator.count_in_flight(path, -1)

        return Handler

    # Ledger ----------------------------------------------------------------------------------

    def ledger(self) -> dict:
        """Everything published and served, as JSON-ready data (bench/soak.py reads it)."""
        with self._lock:
            return {
                "seed": self.seed,
                "base_url": self.base_url,
                "material": self.material.source,
                "started": iso(self.started),
                "frozen": iso(self.frozen_at) if self.frozen_at else None,
                "events": self.events_applied,
                "feeds": [
                    {"url": url, "outlet": name, "fault": spec.feed_format if spec.feed_format in ("malformed", "private-redirect") else "",
                     "fault_responses": self.feed_faults_served.get(spec.slug, 0)}
                    for (url, name), spec in zip(self.feeds(), OUTLETS)
                ],
                "live_blogs": [
                    {
                        "url": self.base_url + blog.path,
                        "posts": [
                            {
                                "permalink": f"{self.base_url}{blog.path}#post-{post.post_id}",
                                "heading": post.heading,
                                "published": iso(post.published),
                                # As stored: a post's passage text starts with its heading.
                                "versions": [{"text": post_text_with_heading(post.heading, v.text), "at": iso(v.at),
                                              "served": v.served} for v in post.versions],
                            }
                            for post in blog.posts
                        ],
                    }
                    for blog in self.blogs.values()
                ],
                "articles": [
                    {"url": self.base_url + a.path, "paragraphs": a.paragraphs, "fault": a.fault, "served": a.served}
                    for a in self.articles.values()
                ],
                "requests": dict(self.requests),
            }

    def summary(self) -> str:
        ledger = self.ledger()
        posts = sum(len(blog["posts"]) for blog in ledger["live_blogs"])
        edits = sum(len(post["versions"]) - 1 for blog in ledger["live_blogs"] for post in blog["posts"])
        faults = sum(1 for article in ledger["articles"] if article["fault"])
        return (f"{ledger['events']} events: {posts} live-blog posts, {edits} edits, {len(ledger['articles'])} articles "
                f"({faults} with injected faults), {sum(ledger['requests'].values())} requests served; "
                f"material: {ledger['material']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--interval", type=float, default=4.0, help="seconds between events")
    parser.add_argument("--minutes", type=float, default=0, help="stop after this long (0: until Ctrl-C)")
    parser.add_argument("--ledger", type=Path, help="write the ledger here on exit")
    parser.add_argument("--builtin", action="store_true", help="use the built-in sentences, not ../shared")
    args = parser.parse_args()
    simulator = NewsroomSimulator(
        seed=args.seed, event_interval=args.interval, port=args.port, material=Material.load(use_shared=not args.builtin)
    ).start()
    print(f"newsroom simulator on {simulator.base_url}")
    for url, outlet in simulator.feeds():
        print(f"  {outlet}: {url}")
    try:
        deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
        while deadline is None or time.monotonic() < deadline:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    simulator.freeze()
    print(simulator.summary())
    if args.ledger:
        args.ledger.write_text(json.dumps(simulator.ledger(), indent=1, ensure_ascii=False), encoding="utf-8")
    simulator.stop()


if __name__ == "__main__":
    main()
