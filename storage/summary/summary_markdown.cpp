// Placeholder until the writer lands; replaced by the real one.
#include "summary_export.h"
namespace cc::summary {
void writeMarkdown(const MonthlySummary&, const std::string& path, Lang) { throw SummaryError(path + ": this format cannot be written yet"); }
}  // namespace cc::summary
