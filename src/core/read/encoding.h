// Text in the encodings spreadsheet programs save CSV in: UTF-8, and GBK
// (GB18030), which Excel's and WPS's plain "CSV (逗号分隔)" still write on a
// Chinese Windows. Converted with iconv (glibc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// The encodings `tally import --encoding` takes: utf-8, gbk, gb18030.
const std::vector<std::string>& encoding_names();

/// `bytes` in `encoding` (one of encoding_names) as UTF-8; utf-8 is
/// returned as it is (checked elsewhere). gbk is read as GB18030, of which
/// it is a part. nullopt with `*error` naming the first byte that is not
/// text in that encoding, and `*offset` set to where it is.
std::optional<std::string> to_utf8(std::string_view bytes, std::string_view encoding,
                                   std::string* error, size_t* offset);

}  // namespace tally
