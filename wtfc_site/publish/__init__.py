"""The output steps after rendering: search index, feed, sitemap, robots.txt,
and links that work when the site is opened straight from a disk."""
