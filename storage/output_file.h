#pragma once
// Writing an output file (a summary, a backup, a screenshot, the settings) whole or not at all,
// and safely in a folder that others can write to. The bytes go to a new temporary file beside
// the destination, with a random name and created with O_EXCL | O_NOFOLLOW, so nothing planted in
// the folder (a file, or a symbolic link to someone else's file) is ever opened; commit() syncs it
// and renames it over the destination. A rename replaces a symbolic link at the destination
// itself, never the file it points to.

#include <sys/types.h>

#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "canvas/wording.h"  // message(): an OutputFileError reads in the interface language

namespace cc {

/// An output file that could not be written: one line, "DESTINATION: reason".
class OutputFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One output file being written. Without commit(), the destructor removes the temporary file and
/// the destination stays as it was.
class OutputFile {
public:
    /// Creates the temporary file beside `path`. `mode` is the new file's permissions (less the
    /// umask). Throws OutputFileError: no such folder, `path` is a folder, no permission.
    explicit OutputFile(std::string path, mode_t mode = 0666);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    /// Appends bytes. Throws OutputFileError (disk full, ...).
    void write(std::string_view bytes);
    /// A stream that appends to the file; errors surface in commit().
    std::ostream& stream();
    /// Syncs the file to disk and renames it over the destination. Throws OutputFileError.
    void commit();
    /// The destination.
    const std::string& path() const { return m_path; }

private:
    class Buffer;
    [[noreturn]] void fail(int err) const;
    /// Writes every byte; 0, or the errno of the failure.
    int writeAll(std::string_view bytes);

    std::string m_path, m_tmp;
    int m_fd = -1;
    int m_streamError = 0;  // errno of a failed write through stream()
    std::unique_ptr<Buffer> m_buffer;
    std::unique_ptr<std::ostream> m_stream;
};

/// Writes `bytes` as the whole file at `path` through an OutputFile. Throws OutputFileError.
void writeOutputFile(const std::string& path, std::string_view bytes, mode_t mode = 0666);

}  // namespace cc
