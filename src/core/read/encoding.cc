#include "core/read/encoding.h"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <memory>

namespace tally {

const std::vector<std::string>& encoding_names() {
  static const std::vector<std::string> kNames = {"utf-8", "gbk", "gb18030"};
  return kNames;
}

std::optional<std::string> to_utf8(std::string_view bytes, std::string_view encoding,
                                   std::string* error, size_t* offset) {
  if (encoding == "utf-8") return std::string(bytes);
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  *offset = 0;
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    *error = "this system's iconv cannot convert GB18030 (glibc's gconv modules are missing)";
    return std::nullopt;
  }
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* to = out.data();
  size_t to_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &to, &to_left) != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      const size_t used = static_cast<size_t>(to - out.data());
      out.resize(out.size() * 2);
      to = out.data() + used;
      to_left = out.size() - used;
      continue;
    }
    const size_t at = static_cast<size_t>(in - bytes.data());
    *offset = at;
    *error =
        fmt::format("byte 0x{:02X} at offset {} is not {} text", static_cast<unsigned char>(*in),
                    at, encoding == "gbk" ? "GBK" : "GB18030");
    return std::nullopt;
  }
  out.resize(static_cast<size_t>(to - out.data()));
  return out;
}

}  // namespace tally
