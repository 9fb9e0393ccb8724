"""Canonical URLs: one spelling per page, so the same article is stored once."""

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived, never which page it is.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ref_src",
        "cmpid",
        "ocid",
        "smid",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}
WEB_SCHEMES = frozenset(DEFAULT_PORTS)


class InvalidUrl(ValueError):
    """The text is not an absolute http(s) URL."""


def _is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """Lowercase scheme and host, drop default port, fragment and tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES or not parts.hostname:
        raise InvalidUrl(f"not an absolute http(s) URL: {url!r}")
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError as error:
        raise InvalidUrl(f"bad port in {url!r}") from error
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode(
        [
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not _is_tracking_parameter(name)
        ]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def resolve_canonical_url(*, page_url: str, canonical_href: str | None) -> str:
    """The page's rel=canonical target when it is a usable web URL, else the page URL."""
    if canonical_href:
        try:
            return canonicalize_url(urljoin(page_url, canonical_href.strip()))
        except InvalidUrl:
            pass
    return canonicalize_url(page_url)


def url_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def first_bare_url(text: str) -> str | None:
    """The first line that is nothing but an http(s) URL: a saved page's own short link."""
    for line in text.splitlines():
        candidate = line.strip()
        if candidate.startswith(("http://", "https://")) and " " not in candidate:
            try:
                return canonicalize_url(candidate)
            except InvalidUrl:
                continue
    return None
