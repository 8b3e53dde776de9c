#include "storage/output_file.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <vector>

namespace cc {

namespace {

std::string reasonFor(int err) {
    switch (err) {
        case ENOSPC:
        case EDQUOT: return message(CC_TEMPLATE("cannot be written (disk full)"));
        case EACCES:
        case EPERM: return message(CC_TEMPLATE("cannot be written (permission denied)"));
        case EROFS: return message(CC_TEMPLATE("cannot be written (read-only file system)"));
        default: return message(CC_TEMPLATE("cannot be written ({1})"), {std::strerror(err)});
    }
}

/// Twelve random letters and digits for a temporary name nobody can guess in advance.
std::string randomPart() {
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char bytes[12];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error(message(CC_TEMPLATE("no random numbers from the system")));
        got += static_cast<std::size_t>(n);
    }
    std::string s;
    for (unsigned char b : bytes) s += kChars[b % (sizeof kChars - 1)];
    return s;
}

}  // namespace

/// Collects what is written through stream() and hands it to the file in large pieces.
class OutputFile::Buffer : public std::streambuf {
public:
    explicit Buffer(OutputFile& file) : m_file(file), m_bytes(64 * 1024) { setp(m_bytes.data(), m_bytes.data() + m_bytes.size()); }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
        setp(m_bytes.data(), m_bytes.data() + m_bytes.size());
        if (!m_file.m_streamError) m_file.m_streamError = m_file.writeAll(std::string_view(m_bytes.data(), n));
        return m_file.m_streamError == 0;
    }

    OutputFile& m_file;
    std::vector<char> m_bytes;
};

OutputFile::OutputFile(std::string path, mode_t mode) : m_path(std::move(path)) {
    const std::filesystem::path target(m_path);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    struct stat st{};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) throw OutputFileError(message(CC_TEMPLATE("{1}: no such folder"), {m_path}));
    if (::stat(m_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw OutputFileError(message(CC_TEMPLATE("{1}: is a folder"), {m_path}));
    std::string base = target.filename().string();
    if (base.size() > 200) base.resize(200);  // room for the rest within a file name's 255 bytes
    for (int attempt = 0; attempt < 100; ++attempt) {
        m_tmp = (std::filesystem::path(dir) / ("." + base + "." + randomPart() + ".tmp")).string();
        m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (m_fd >= 0) return;
        if (errno != EEXIST && errno != EINTR) {
            const int err = errno;
            m_tmp.clear();
            fail(err);
        }
    }
    m_tmp.clear();
    throw OutputFileError(message(CC_TEMPLATE("{1}: cannot be written (no free temporary name in its folder)"), {m_path}));
}

OutputFile::~OutputFile() {
    m_stream.reset();
    m_buffer.reset();
    if (m_fd >= 0) ::close(m_fd);
    if (!m_tmp.empty()) ::unlink(m_tmp.c_str());
}

void OutputFile::fail(int err) const { throw OutputFileError(message(CC_TEMPLATE("{1}: {2}"), {m_path, reasonFor(err)})); }

int OutputFile::writeAll(std::string_view bytes) {
    if (m_fd < 0) return EBADF;
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

void OutputFile::write(std::string_view bytes) {
    if (const int err = writeAll(bytes)) fail(err);
}

std::ostream& OutputFile::stream() {
    if (!m_stream) {
        m_buffer = std::make_unique<Buffer>(*this);
        m_stream = std::make_unique<std::ostream>(m_buffer.get());
    }
    return *m_stream;
}

void OutputFile::commit() {
    if (m_stream) m_stream->flush();
    if (m_streamError) fail(m_streamError);
    if (m_fd < 0) throw OutputFileError(message(CC_TEMPLATE("{1}: written after it was finished"), {m_path}));
    if (::fsync(m_fd) != 0) fail(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) fail(errno);
    if (::rename(m_tmp.c_str(), m_path.c_str()) != 0) fail(errno);
    m_tmp.clear();
    // The rename itself reaches the disk with the folder's own sync; without it a crash may
    // bring back the old file (that is all, so a failure here is not the caller's concern).
    const std::filesystem::path target(m_path);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void writeOutputFile(const std::string& path, std::string_view bytes, mode_t mode) {
    OutputFile f(path, mode);
    f.write(bytes);
    f.commit();
}

}  // namespace cc
