// Importers: candidates per second for a 300-page PDF, a 10 MB Markdown file and a 100,000-row
// CSV; the same PDF through the pdftotext program in the same run is the floor to compare with.
// A 500,000-node JSON Canvas (125 MB) is read first, alone, for its time and peak memory: it is
// streamed, so the memory is the candidates', not a document tree's. Then the whole import of it
// into a board file (parse, notes, one undo step, the change log in rows of bounded size) runs in
// a child process, for its time and peak memory.
// The PDF is written by Cairo and Pango (a real PDF producer) at run time.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench_report.h"
#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "storage/board_file.h"
#include "storage/import/candidate.h"
#include "storage/import/import_pipeline.h"

using namespace cc;

namespace {

const char* kParagraphs[] = {
    "Customers who move their salary out within two days say the app makes everyday payments easy but saving "
    "feels like an afterthought; several compared us unfavourably with the fintechs they use for budgeting.",
    "焦点小组中，退休客户反复提到网点排队时间过长，但同时表示更信任面对面的服务；他们希望在手机银行上也能确认转账已经到账。",
    "Mystery shoppers recorded an average of 47 minutes to open an account in branch, of which 19 minutes were "
    "spent waiting for a second signature; the online flow took 11 minutes but failed twice at identity checks.",
    "小微企业主希望贷款审批一次提交、三天放款，并且不希望重复提交已经在本行留存的材料。",
};

void writePdf(const std::string& path, int pages) {
    const double w = 595, h = 842;  // A4 in points
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), w, h);
    cairo_t* cr = cairo_create(surface);
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 10");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>((w - 144) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    for (int p = 0; p < pages; ++p) {
        double y = 72;
        for (int k = 0; y < h - 120; ++k) {
            pango_layout_set_text(layout, kParagraphs[(p + k) % 4], -1);
            int lw, lh;
            pango_layout_get_pixel_size(layout, &lw, &lh);
            cairo_move_to(cr, 72, y);
            pango_cairo_show_layout(cr, layout);
            y += lh + 14;
        }
        cairo_show_page(cr);
    }
    pango_font_description_free(font);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

void writeMarkdown(const std::string& path, std::size_t bytes) {
    std::ofstream out(path);
    std::size_t written = 0;
    for (int section = 0; written < bytes; ++section) {
        std::ostringstream s;
        s << "## 调研发现 Findings " << section << "\n\n";
        for (int k = 0; k < 6; ++k) s << kParagraphs[(section + k) % 4] << "\n\n";
        s << "- 列表项 list item " << section << " about fees\n- another item about transfers\n\n";
        out << s.str();
        written += s.str().size();
    }
}

void writeCsv(const std::string& path, int rows) {
    std::ofstream out(path);
    out << "ResponseId,Date,Segment,NPS,Comment,Suggestion\n";
    for (int i = 0; i < rows; ++i)
        out << "R_" << i << ",2026-10-" << (10 + i % 20) << "," << (i % 3 ? "Young professionals" : "退休客户") << ","
            << i % 11 << ",\"" << kParagraphs[i % 4] << " (" << i << ")\",\"" << kParagraphs[(i + 1) % 4] << "\"\n";
}

/// A JSON Canvas as Obsidian writes it: `nodes` text nodes on a grid, an edge between each pair.
void writeCanvas(const std::string& path, int nodes) {
    std::ofstream out(path);
    out << "{\"nodes\":[\n";
    for (int i = 0; i < nodes; ++i)
        out << (i ? ",\n" : "") << "{\"id\":\"n" << i << "\",\"type\":\"text\",\"text\":\"Customer note " << i << ": "
            << kParagraphs[i % 4] << "\",\"x\":" << (i % 1000) * 260 << ",\"y\":" << (i / 1000) * 160
            << ",\"width\":250,\"height\":140,\"color\":\"" << i % 6 + 1 << "\"}";
    out << "\n],\"edges\":[\n";
    for (int i = 0; i + 1 < nodes; i += 2)
        out << (i ? ",\n" : "") << "{\"id\":\"e" << i << "\",\"fromNode\":\"n" << i << "\",\"toNode\":\"n" << i + 1
            << "\",\"label\":\"" << (i % 4 ? "" : "supports") << "\"}";
    out << "\n]}\n";
}

template <class F>
double medianMs(int runs, F f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double t0 = bench::nowMs();
        f();
        ms.push_back(bench::nowMs() - t0);
    }
    return bench::median(ms);
}

}  // namespace

/// The child of the whole-import row: imports `canvas` into a new board file.
int importChild(const std::string& board, const std::string& canvas, std::size_t expected) {
    try {
        auto file = BoardFile::create(board, makeBoard("bench"), "bench");
        auto doc = file->load();
        file->attach(*doc);
        Editor editor(*doc, "bench");
        import::importFiles(editor, {canvas}, {});
        return doc->notes().size() == expected ? 0 : 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}

int main(int argc, char** argv) {
    if (argc == 5 && std::string(argv[1]) == "--import-child") return importChild(argv[2], argv[3], std::stoul(argv[4]));
    const std::string dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    // First, alone in the process: the canvas's peak memory is this process's peak so far.
    const std::string canvas = dir + "/bench-500k.canvas";
    writeCanvas(canvas, 500000);
    const double rssBefore = bench::peakRssMb();
    std::size_t canvasCount = 0;
    const double canvasT0 = bench::nowMs();
    try {
        canvasCount = import::parseFile(canvas).candidates.size();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
    }
    const double canvasMs = bench::nowMs() - canvasT0;
    const double canvasRss = bench::peakRssMb();
    bench::row("import 500,000-node JSON Canvas (" + std::to_string(canvasCount) + " candidates)", canvasMs, "ms",
               "<= 10000 ms", 0, "",
               "peak RSS " + std::to_string(static_cast<long>(canvasRss)) + " MB (" +
                   std::to_string(static_cast<long>(rssBefore)) + " MB before)");
    // The whole import, as `customer-canvas import board canvas` does it, alone in a child.
    const std::string board = dir + "/bench-500k.db";
    std::filesystem::remove(board);
    const double importT0 = bench::nowMs();
    // A fresh process (this program again), so that no memory of this one is counted.
    const pid_t child = fork();
    if (child == 0) {
        execl("/proc/self/exe", "bench_import", "--import-child", board.c_str(), canvas.c_str(), std::to_string(canvasCount).c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    struct rusage usage{};
    wait4(child, &status, 0, &usage);
    const double importMs = bench::nowMs() - importT0;
    const bool imported = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::filesystem::remove(board);
    std::filesystem::remove(canvas);
    bench::row("import 500,000-node JSON Canvas into a board file (one undo step)", imported ? importMs : -1, "ms", "", canvasMs,
               "reading the canvas alone");
    bench::row("peak memory of that import", imported ? usage.ru_maxrss / 1024.0 : -1, "MB", "<= 1200 MB", canvasRss,
               "reading the canvas alone");

    const std::string pdf = dir + "/bench-300.pdf", md = dir + "/bench-10mb.md", csv = dir + "/bench-100k.csv";
    writePdf(pdf, 300);
    writeMarkdown(md, 10u << 20);
    writeCsv(csv, 100000);

    auto parse = [](const std::string& path, std::size_t& count) {
        try {
            count = import::parseFile(path).candidates.size();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s\n", e.what());
            count = 0;
        }
    };
    std::size_t pdfCount = 0, mdCount = 0, csvCount = 0;
    const double pdfMs = medianMs(3, [&] { parse(pdf, pdfCount); });
    const std::string cmd = "pdftotext -q '" + pdf + "' '" + dir + "/bench-300.txt'";
    const double floorMs = medianMs(3, [&] {
        if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "pdftotext failed\n");
    });
    const double mdMs = medianMs(3, [&] { parse(md, mdCount); });
    const double csvMs = medianMs(3, [&] { parse(csv, csvCount); });
    auto perSecond = [](std::size_t n, double ms) { return ms > 0 ? n / (ms / 1000.0) : 0.0; };
    bench::row("import 300-page PDF (" + std::to_string(pdfCount) + " candidates)", pdfMs, "ms", "<= 2x pdftotext", floorMs,
               "pdftotext on the same PDF", std::to_string(static_cast<long>(perSecond(pdfCount, pdfMs))) + " candidates/s");
    bench::row("import 10 MB Markdown (" + std::to_string(mdCount) + " candidates)", mdMs, "ms", "<= 2000 ms", 0, "",
               std::to_string(static_cast<long>(perSecond(mdCount, mdMs))) + " candidates/s");
    bench::row("import 100,000-row CSV (" + std::to_string(csvCount) + " candidates)", csvMs, "ms", "<= 2000 ms", 0, "",
               std::to_string(static_cast<long>(perSecond(csvCount, csvMs))) + " candidates/s");
    return 0;
}
