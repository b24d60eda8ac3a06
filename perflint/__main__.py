from perflint.cli import main

main()
