// Command groups that add their own subcommands to the program. A subcommand's callback runs the
// command (after CLI11 has parsed and checked its options) and stores its exit code in
// `exit_code`: 0 done, 1 the command found problems, 2 unusable input or environment.
#pragma once

#include <CLI/CLI.hpp>

namespace tatakerja::cli {

// import, diff, demo, user add (cli/registry_commands.cpp)
void add_registry_commands(CLI::App& app, int& exit_code);
// audit verify, backup, restore (cli/maintenance_commands.cpp)
void add_maintenance_commands(CLI::App& app, int& exit_code);
// serve (cli/serve_command.cpp)
void add_serve_command(CLI::App& app, int& exit_code);

}  // namespace tatakerja::cli
