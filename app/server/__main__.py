import sys

from app.server.cli import main

sys.exit(main())
