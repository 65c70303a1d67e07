import Environments
import Gym
import GymCLI

// The whole program: the built-in environments plus our own, and every `gym` subcommand on them.
var registry = Registry.standard
try registry.register(Lighthouse.spec)
GymCommandLine.main(registry: registry)
