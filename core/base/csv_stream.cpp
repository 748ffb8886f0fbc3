#include "core/base/csv_stream.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include <fmt/format.h>
#include <utf8proc.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/sha256.h"

namespace sqgl::core {

namespace {

// The length of the longest prefix of `text` that is complete, valid UTF-8, and
// whether what follows it is an invalid sequence (rather than one cut short by
// the end of the chunk).
std::pair<std::size_t, bool> valid_utf8_prefix(const std::string& text, bool at_end) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n > 0) {
      i += static_cast<std::size_t>(n);
      continue;
    }
    // A lead byte whose sequence runs past the end may just be cut by the chunk.
    const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (!at_end && need > 1 && text.size() - i < need) return {i, false};
    return {i, true};
  }
  return {i, false};
}

}  // namespace

Encoding parse_encoding(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return Encoding::gb18030;
  throw errors::invalid(N_("encoding"), text, _("expected utf-8 or gb18030"));
}

bool workbook_name(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  std::string extension;
  for (char c : path.substr(dot + 1)) extension += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return extension == "xlsx" || extension == "xlsm" || extension == "xls";
}

InvalidInput not_csv_but_workbook(std::string_view source) {
  return InvalidInput(
      tr("{} is an Excel workbook, not CSV: in Excel save it as \"CSV UTF-8\", or save it as CSV and "
         "import that with --encoding gb18030",
         errors::quote(source)));
}

struct CsvStream::State {
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
  Sha256 hash;
  std::string raw;  // bytes read but not yet decoded
  std::string chunk;  // the bytes of one read
};

CsvStream::CsvStream(std::istream& in, std::string source, Encoding encoding, std::size_t chunk)
    : in_(in),
      source_(std::move(source)),
      encoding_(encoding),
      chunk_(std::max<std::size_t>(chunk, 1)),
      state_(std::make_unique<State>()) {
  state_->chunk.resize(chunk_);
  if (encoding_ == Encoding::gb18030) {
    state_->cd = iconv_open("UTF-8", "GB18030");
    if (state_->cd == reinterpret_cast<iconv_t>(-1)) throw Failure(_("this system's iconv cannot decode GB18030"));
  }
}

CsvStream::~CsvStream() {
  if (state_->cd != reinterpret_cast<iconv_t>(-1)) iconv_close(state_->cd);
}

std::string CsvStream::sha256_hex() const { return state_->hash.hex(); }

void CsvStream::fail(std::size_t line, std::size_t column, const std::string& message) const {
  throw InvalidInput(fmt::format("{}:{}:{}: {}", source_, line, column, message));
}

bool CsvStream::fill() {
  if (!pending_error_.empty() || eof_) return false;
  // Drop what was parsed, so the buffer holds at most about one chunk.
  buffer_.erase(0, pos_);
  pos_ = 0;
  char* chunk = state_->chunk.data();
  in_.read(chunk, static_cast<std::streamsize>(chunk_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  if (in_.bad()) throw Failure(tr("{}: read error", source_));
  bytes_read_ += got;
  state_->hash.update(std::string_view(chunk, got));
  state_->raw.append(chunk, got);
  const bool at_end = got < chunk_;
  if (at_end) eof_ = true;
  if (first_chunk_) {
    // A short read may cut the byte-order mark or a workbook's signature: decide
    // once four bytes are in.
    if (state_->raw.size() < 4 && !at_end) return true;
    first_chunk_ = false;
    // An xlsx is a ZIP archive, an xls an OLE2 compound file: binary from their first
    // bytes, which would only be named as an invalid byte or a NUL somewhere in line 1.
    if (state_->raw.starts_with(std::string_view("PK\x03\x04", 4)) ||
        state_->raw.starts_with(std::string_view("\xD0\xCF\x11\xE0", 4))) {
      throw not_csv_but_workbook(source_);
    }
    if (state_->raw.compare(0, 3, "\xEF\xBB\xBF") == 0) state_->raw.erase(0, 3);
  }

  if (encoding_ == Encoding::utf8) {
    auto [valid, invalid] = valid_utf8_prefix(state_->raw, at_end);
    buffer_.append(state_->raw, 0, valid);
    if (invalid) {
      pending_error_ = tr("invalid UTF-8 byte 0x{:02X} (if the file comes from Excel in Chinese, try "
                          "--encoding gb18030)",
                          static_cast<unsigned char>(state_->raw[valid]));
    }
    state_->raw.erase(0, valid);
  } else {
    std::string out(state_->raw.size() * 2 + 16, '\0');
    char* inp = state_->raw.data();
    std::size_t inleft = state_->raw.size();
    char* outp = out.data();
    std::size_t outleft = out.size();
    const std::size_t r = iconv(state_->cd, &inp, &inleft, &outp, &outleft);
    out.resize(out.size() - outleft);
    buffer_ += out;
    if (r == static_cast<std::size_t>(-1) && errno == EILSEQ) {
      pending_error_ = tr("invalid GB18030 byte 0x{:02X}", static_cast<unsigned char>(*inp));
    } else if (r == static_cast<std::size_t>(-1) && errno == EINVAL && at_end) {
      pending_error_ = _("the file ends inside a GB18030 character");
    }
    state_->raw.erase(0, static_cast<std::size_t>(inp - state_->raw.data()));
  }
  if (eof_ && pending_error_.empty() && !state_->raw.empty()) pending_error_ = _("the file ends inside a character");
  return true;
}

bool CsvStream::next(std::vector<std::string>& fields) {
  field_lines_.clear();
  // Peek at the next character, refilling the buffer as needed; -1 at the end.
  auto peek = [&]() -> int {
    while (pos_ >= buffer_.size()) {
      if (!fill()) return -1;
    }
    return static_cast<unsigned char>(buffer_[pos_]);
  };
  auto end_of_text = [&](std::size_t column) {
    if (!pending_error_.empty()) fail(line_, column, pending_error_);
  };

  // Skip blank lines between records.
  for (int c = peek(); c == '\n' || c == '\r'; c = peek()) {
    if (c == '\n') ++line_;
    ++pos_;
  }
  if (peek() < 0) {
    end_of_text(1);
    fields.clear();
    return false;
  }
  record_line_ = line_;
  // The strings of `fields` are reused from record to record: an import reads
  // millions of fields, and this keeps it from allocating for each of them.
  std::size_t count = 0;
  for (;;) {
    if (fields.size() <= count) fields.emplace_back();
    std::string& field = fields[count];
    field.clear();
    const std::size_t column = ++count;
    // Where the field starts: a field too long is named there, not where it overflowed.
    field_lines_.push_back(line_);
    int c = peek();
    if (c == '"') {
      const std::size_t open_line = line_;
      ++pos_;
      for (;;) {
        c = peek();
        if (c < 0) {
          end_of_text(column);
          fail(open_line, column, _("unterminated quoted field"));
        }
        // Copy the run up to the next quote, line break or NUL in one go.
        std::size_t end = pos_;
        while (end < buffer_.size() && buffer_[end] != '"' && buffer_[end] != '\n' && buffer_[end] != '\0') ++end;
        if (end > pos_) {
          field.append(buffer_, pos_, end - pos_);
          pos_ = end;
          if (field.size() > kMaxField) fail(field_lines_.back(), column, _("a field longer than 1 MiB"));
          continue;
        }
        ++pos_;
        if (c == '"') {
          if (peek() == '"') {
            field += '"';
            ++pos_;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        if (c == 0) fail(line_, column, _("a NUL byte in the data"));
        field += static_cast<char>(c);
        if (field.size() > kMaxField) fail(field_lines_.back(), column, _("a field longer than 1 MiB"));
      }
      c = peek();
      if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
        fail(line_, column, _("text after the closing quote of a field"));
      }
    } else {
      // An unquoted field: copy it in runs up to the next delimiter.
      for (;;) {
        if (peek() < 0) break;
        std::size_t end = pos_;
        while (end < buffer_.size()) {
          const char ch = buffer_[end];
          if (ch == ',' || ch == '\n' || ch == '\r' || ch == '"' || ch == '\0') break;
          ++end;
        }
        field.append(buffer_, pos_, end - pos_);
        pos_ = end;
        if (field.size() > kMaxField) fail(field_lines_.back(), column, _("a field longer than 1 MiB"));
        if (pos_ < buffer_.size()) break;  // stopped at a delimiter, not at the end of the buffer
      }
      c = peek();
      if (c == '"') fail(line_, column, _("a quote inside an unquoted field (quote the whole field)"));
      if (c == 0) fail(line_, column, _("a NUL byte in the data"));
    }
    c = peek();
    if (c < 0) {
      end_of_text(column);
      fields.resize(count);
      return true;
    }
    ++pos_;
    if (c == ',') continue;
    if (c == '\r' && peek() == '\n') ++pos_;
    ++line_;
    fields.resize(count);
    return true;
  }
}

}  // namespace sqgl::core
