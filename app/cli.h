#pragma once
// The command line: every subcommand works headless on a board file, through the same
// Editor and BoardFile as the window.

namespace cc {

/// Runs the program with its arguments; returns the exit status
/// (0 ok, 1 refused or failed, 2 wrong usage).
int runCli(int argc, char** argv);

}  // namespace cc
