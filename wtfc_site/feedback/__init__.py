"""The feedback receiver: the small web service the site's feedback form posts to.

``cli`` (the ``feedback serve`` and ``feedback export`` commands) → ``server``
(waitress) → ``receiver`` (the WSGI app) → ``request``, ``limits``, ``origin``,
``responses``, ``form`` → ``store`` (the database). ``export`` reads the store;
``site`` reads a site folder for the receiver's settings and form page.
"""
