// Serving the built web interface (see static_files.hpp).
#include "server/static_files.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <system_error>

namespace tatakerja::server {
namespace fs = std::filesystem;

namespace {

// Percent-decodes a URL path; nullopt when an escape is malformed.
std::optional<std::string> decode_path(std::string_view s) {
  return percent_decode(s, false);
}

// True when a URL path must not be served at all: a malformed escape, NUL, backslash, or a `.` or
// `..` segment (after percent-decoding).
bool refused(std::string_view url_path) {
  const auto decoded = decode_path(url_path);
  if (!decoded) return true;
  const std::string& p = *decoded;
  if (p.empty() || p.front() != '/' || p.find('\0') != std::string::npos ||
      p.find('\\') != std::string::npos)
    return true;
  std::string_view rest(p);
  while (!rest.empty()) {
    rest.remove_prefix(1);
    const auto slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    if (seg == ".." || seg == ".") return true;
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  }
  return false;
}

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string etag_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return {};
  return "\"" + std::to_string(st.st_size) + "-" + std::to_string(st.st_mtim.tv_sec) + "-" +
         std::to_string(st.st_mtim.tv_nsec) + "\"";
}

Response not_found() {
  Response r;
  r.status = 404;
  r.set_header("Content-Type", "text/plain; charset=utf-8");
  r.body = "Tidak ditemukan.\n";
  return r;
}

}  // namespace

std::string_view content_type_for(std::string_view name) {
  const auto dot = name.rfind('.');
  const std::string_view ext =
      dot == std::string_view::npos ? std::string_view{} : name.substr(dot);
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
  };
  for (const auto& [e, t] : kTypes) {
    if (e == ext) return t;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& web_root) {
  std::error_code ec;
  fs::path root = fs::canonical(web_root, ec);
  if (!ec && fs::is_directory(root, ec)) root_ = std::move(root);
}

std::optional<fs::path> StaticFiles::resolve(std::string_view url_path) const {
  if (root_.empty()) return std::nullopt;
  if (refused(url_path)) return std::nullopt;
  const std::string p = *decode_path(url_path);
  std::error_code ec;
  const fs::path candidate = fs::weakly_canonical(root_ / fs::path(p.substr(1)), ec);
  if (ec || !inside(root_, candidate) || !fs::is_regular_file(candidate, ec)) return std::nullopt;
  return candidate;
}

Response StaticFiles::serve(const Request& request) const {
  if (root_.empty()) return not_found();
  const std::string_view path = request.path();
  bool spa = false;
  std::optional<fs::path> file;
  if (path != "/") {
    if (refused(path)) return not_found();
    file = resolve(path);
  }
  if (!file) {
    spa = true;
    file = resolve("/index.html");
    if (!file) return not_found();
  }
  Response r;
  const bool hashed = !spa && path.starts_with("/assets/");
  const std::string etag = etag_of(*file);
  if (hashed) {
    r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    r.set_header("Cache-Control", "no-cache");
  }
  if (!etag.empty()) {
    r.set_header("ETag", etag);
    if (request.header("If-None-Match") == etag) {
      r.status = 304;
      return r;
    }
  }
  if (!read_file(*file, r.body)) return not_found();
  r.set_header("Content-Type", std::string(content_type_for(file->filename().string())));
  return r;
}

}  // namespace tatakerja::server
