"""A publisher's registered domain ("apnews.com", "bbc.co.uk"), which names one outlet however
its pages spell their site name, and tells whether two URLs are on one site.

The `tld` package splits a host at the public suffix, reading the Public Suffix List snapshot
shipped inside the package: it downloads a fresh list only when update_tld_names() is called,
which nothing here does."""

from urllib.parse import urlsplit

from tld import get_fld


def registered_domain(url_or_host: str) -> str:
    """The domain registered under a public suffix, lowercased; the bare host for an IP address
    or a name with no public suffix (localhost, an intranet name)."""
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    host = (host or "").lower().rstrip(".")
    if not host:
        return ""
    return get_fld(host, fix_protocol=True, fail_silently=True) or host


def domain_label(url_or_host: str) -> str:
    """The registered name without its suffix: "globalnews" for globalnews.ca."""
    domain = registered_domain(url_or_host)
    return domain.split(".", 1)[0] if domain else ""


def domain_display_name(domain: str) -> str:
    """A name people can read for a publisher known only by its domain: "Northwind Daily" for
    northwind-daily.example, "CBC" for cbc.ca; a host with no letters (an IP address) as it is."""
    # A host with no public suffix (.example, an intranet) is its own registered domain: skip "www".
    words = domain_label(domain.removeprefix("www.")).replace("_", "-").split("-")
    if not any(character.isalpha() for character in "".join(words)):
        return domain
    if len(words) == 1 and len(words[0]) <= 3:
        return words[0].upper()  # short names are initials: BBC, DW, AP
    return " ".join(word.capitalize() for word in words if word)
