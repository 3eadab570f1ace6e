"""wtfc_site: easy-read, accessible websites for partnerships that co-produce their work."""

__version__ = "0.1.0"
