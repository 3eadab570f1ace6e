"""The files of a new partnership's first site, copied by ``new site DIR``.

They live as real files (not strings in code) so they can be read,
checked and changed like any site; a test builds them with --strict.
"""
