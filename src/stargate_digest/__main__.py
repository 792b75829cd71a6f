"""``python -m stargate_digest`` runs the command line."""

from stargate_digest.cli import main

raise SystemExit(main())
