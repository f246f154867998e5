from hemiapp.cli import main

raise SystemExit(main())
