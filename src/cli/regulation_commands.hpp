// The `tatakerja regulation ...` commands and the demo summary. Thin: read files, call the engine,
// print. Exit codes: 0 done (lint: clean), 1 lint findings, 2 unreadable input.
#pragma once

#include <string>
#include <vector>

namespace tatakerja::cli {

int regulation_parse(const std::string& file, const std::string& format);
int regulation_extract(const std::vector<std::string>& files);
int regulation_lint(const std::vector<std::string>& files, const std::string& format);
int summary(const std::string& folder);

}  // namespace tatakerja::cli
