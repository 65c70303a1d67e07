import Environments
import GymCLI

// The `gym` executable: the command line over the built-in environments.
GymCommandLine.main(registry: .standard)
