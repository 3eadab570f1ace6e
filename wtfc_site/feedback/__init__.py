"""The feedback receiver: the small web service the site's feedback form posts to.

How it fits together (each module imports only those after it):

``cli``
    the ``feedback serve`` and ``feedback export`` commands;
``site``
    reads a site folder for the receiver's settings and the site's own form page;
``server``
    serves the app with waitress, behind the guards in ``connections``
    (slow, idle and hoarded connections; waitress's own error answers);
``receiver``
    the WSGI app: the order of checks and what each answer is;
``request``, ``limits``, ``origin``, ``responses``, ``form``
    reading a post, who sent it and how often, which website it came from,
    the pages and headers of each answer, the form's fields and checks;
``export``
    writes what is kept as CSV or JSON, never harming a file;
``database``, ``store``, ``sqlite_store``, ``postgres_store``
    where feedback is kept: one small interface, two databases.
"""
