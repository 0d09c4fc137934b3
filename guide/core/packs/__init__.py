"""Content packs: one signed file per library (:mod:`.archive`: the format, building and checking),
minisign signatures (:mod:`.minisign`), whom to trust (:mod:`.trust`), installed packs and their
safe install, roll-back and removal (:mod:`.store`), and loading them beside the plain content
roots (:mod:`.mount`). Nothing here imports Qt; Whoosh is reached only through ``guide.core.search``.
"""
