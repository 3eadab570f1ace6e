"""Pictures: safe paths, size maths, SVG safety checks and the Pillow pipeline.

Import from the submodules (geometry, paths, process, svgsafety); this package
does no work when imported.
"""
