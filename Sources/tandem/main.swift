import TandemCLI

TandemCommand.runMain()
