"""A publisher's registered domain ("apnews.com", "bbc.co.uk"), which names one outlet however
its pages spell their site name.

tldextract splits a host at the public suffix. It is built with no list URLs and no cache
directory, so it reads the Public Suffix List snapshot shipped inside the package and never
downloads at run time (the default would fetch the list over the network on first use)."""

from functools import cache
from urllib.parse import urlsplit

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def registered_domain(url_or_host: str) -> str:
    """The domain registered under a public suffix, lowercased; the bare host for an IP address
    or a name with no public suffix (localhost, an intranet name)."""
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    host = (host or "").lower().rstrip(".")
    if not host:
        return ""
    parts = _extractor()(host)
    return parts.top_domain_under_public_suffix or host


def domain_label(url_or_host: str) -> str:
    """The registered name without its suffix: "globalnews" for globalnews.ca."""
    domain = registered_domain(url_or_host)
    return domain.split(".", 1)[0] if domain else ""
