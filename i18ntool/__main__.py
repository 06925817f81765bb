"""``python -m i18ntool``: the same command line as the ``i18ntool`` script."""

from i18ntool.start import main

main()
