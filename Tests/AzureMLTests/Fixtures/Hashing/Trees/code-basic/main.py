import utils.helpers

print(utils.helpers.greet("world"))
