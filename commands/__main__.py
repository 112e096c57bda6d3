"""`python -m commands ...` runs the `smekg` command line."""

from commands import main

main()
