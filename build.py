#!/usr/bin/env python3
"""Build the easy-read website in this folder: ``python build.py`` (see README.md)."""

import sys

from wtfc_site.cli import main

if __name__ == "__main__":
    sys.exit(main())
