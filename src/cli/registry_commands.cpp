// Placeholder while the command group is written; adds no subcommand.
#include "cli/command_groups.hpp"

namespace tatakerja::cli {

void add_registry_commands(CLI::App&, int&) {}

}  // namespace tatakerja::cli
