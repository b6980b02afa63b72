// The built web interface served from a folder (config web_root): files by path with their
// Content-Type, index.html for every other path (the single-page app routes in the browser),
// long caching for the hashed files under /assets/ and ETag revalidation for the rest. Paths are
// percent-decoded and any `..` segment, backslash or NUL is refused, and the resolved file must lie
// inside the root (symbolic links included), so nothing outside web_root is ever served.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_server.hpp"

namespace tatakerja::server {

class StaticFiles {
 public:
  // `web_root` may be missing: then every path answers 404 (the API still works).
  explicit StaticFiles(const std::string& web_root);

  // Answers a GET for `request.path()` (not under /api/): 200 with the file, 304 when the
  // If-None-Match matches, index.html for unknown paths, 404 for refused paths or when there is no
  // index.html. Never throws.
  Response serve(const Request& request) const;

  // The file a URL path maps to, or nullopt when the path is refused (traversal, NUL, backslash)
  // or names no regular file inside the root. Exposed for tests.
  std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

 private:
  std::filesystem::path root_;  // canonical; empty when the folder does not exist
};

// The Content-Type for a file name by its extension ("application/octet-stream" when unknown).
std::string_view content_type_for(std::string_view filename);

}  // namespace tatakerja::server
