from zhihui.cli import main

main()
