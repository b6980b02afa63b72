// tatakerja: the command-line entry point. Only wires commands to their implementations.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "command_groups.hpp"
#include "core/error.hpp"
#include "regulation_commands.hpp"

// What can escape is a defect: building the command line (before the try below) with a duplicate
// option, or a thrown non-std::exception; std::terminate ends the program loudly then.
// NOLINTNEXTLINE(bugprone-exception-escape)
int main(int argc, char** argv) {
  CLI::App app{"Tatakerja: organisasi dan sistem kerja pemerintah daerah dari naskah peraturannya"};
  app.require_subcommand(1);

  auto* reg = app.add_subcommand("regulation", "Membaca naskah peraturan");
  reg->require_subcommand(1);

  std::string parse_file, parse_format = "text";
  auto* parse = reg->add_subcommand("parse", "Pohon naskah (BAB, Pasal, ayat, huruf, lampiran)");
  parse->add_option("FILE", parse_file, "Berkas naskah")->required();
  parse->add_option("--format", parse_format, "text atau json")
      ->check(CLI::IsMember({"text", "json"}));

  std::vector<std::string> extract_files;
  auto* extract = reg->add_subcommand("extract", "Fakta yang dibaca dari naskah, sebagai JSON");
  extract->add_option("FILE", extract_files, "Berkas naskah")->required();

  std::vector<std::string> lint_files;
  std::string lint_format = "text";
  auto* lint = reg->add_subcommand("lint", "Temuan cacat perancangan");
  lint->add_option("FILE", lint_files, "Berkas naskah")->required();
  lint->add_option("--format", lint_format, "text atau json")
      ->check(CLI::IsMember({"text", "json"}));

  std::string folder = "data/regulations";
  auto* sum = app.add_subcommand("summary", "Ringkasan setiap naskah dalam folder");
  sum->add_option("FOLDER", folder, "Folder naskah");

  int exit_code = -1;
  tatakerja::cli::add_registry_commands(app, exit_code);
  tatakerja::cli::add_serve_command(app, exit_code);
  tatakerja::cli::add_maintenance_commands(app, exit_code);

  // Bad input is answered by the commands themselves (exit code 2 and a message). Anything thrown
  // past them is a defect of the program: said as such, with exit code 70 (EX_SOFTWARE), rather
  // than an abort.
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int rc = app.exit(e);
      return rc == 0 ? 0 : 2;
    }
    if (exit_code >= 0) return exit_code;
    using namespace tatakerja::cli;
    if (parse->parsed()) return regulation_parse(parse_file, parse_format);
    if (extract->parsed()) return regulation_extract(extract_files);
    if (lint->parsed()) return regulation_lint(lint_files, lint_format);
    if (sum->parsed()) return summary(folder);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tatakerja: [" << tatakerja::name_of(tatakerja::ErrorCode::Internal)
              << "] galat internal program: " << e.what()
              << "\nIni cacat Tatakerja, bukan kesalahan Anda; mohon laporkan bersama berkas "
                 "masukannya.\n";
    return 70;
  }
}
