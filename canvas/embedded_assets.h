#pragma once
// The tables from assets/, compiled in (see canvas/CMakeLists.txt).

namespace cc::embedded {
extern const char* const kSourceKindsTsv;
extern const char* const kTemplatesTsv;
}  // namespace cc::embedded
