#pragma once
// Sentences the model words for people (the activity lines) are built from templates with
// numbered places, "moved {1} to {2}", so that another language can order them its own way. The
// model knows English only; the edge passes a Wording that looks each template up in its catalogue.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

/// Marks an English template that reaches a Wording later (the catalogue's extraction reads it).
#define CC_TEMPLATE(english) english

namespace cc {

/// `templ` with {1}…{9} replaced by the arguments; a place with no argument stays as written.
std::string fillTemplate(std::string_view templ, std::initializer_list<std::string_view> args);

/// Looks up the templates of model-worded sentences; this one keeps the English.
struct Wording {
    virtual ~Wording() = default;
    /// The template standing for the English template `english`.
    virtual std::string word(const char* english) const { return english; }
    /// The template for a count n: English singular `one`, plural `many`.
    virtual std::string words(const char* one, const char* many, std::size_t n) const { return n == 1 ? one : many; }
};

/// Makes `wording` (the edge's catalogue, which follows the interface language as it changes) the
/// one that messages from the lower layers are looked up through; until then they stay English.
/// `wording` must live until the process ends.
void setMessageWording(const Wording& wording);

/// A message a person reads (an error's line, a refusal's reason): the English template `english`,
/// marked with CC_TEMPLATE, looked up through the message Wording and filled with `args` ({1}…{9}).
/// Names, values and reasons from libraries go in as arguments and stay as they are.
std::string message(const char* english, std::initializer_list<std::string_view> args = {});
/// The same for a count n: the English singular template `one` or plural `many` (the scripts
/// extract both as one entry with plural forms).
std::string messageCount(const char* one, const char* many, std::size_t n, std::initializer_list<std::string_view> args = {});

}  // namespace cc
