// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "worddiff.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

namespace Pd {

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> result;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = i + 1;
        if (isWordChar(text[i])) {
            while (end < text.size() && isWordChar(text[end]))
                ++end;
        }
        result.push_back(text.substr(i, end - i));
        i = end;
    }
    return result;
}

void append(std::vector<WordDiff::Piece> &pieces, WordDiff::Piece::Kind kind, std::string_view text)
{
    if (!pieces.empty() && pieces.back().kind == kind)
        pieces.back().text += text;
    else
        pieces.push_back({kind, std::string(text)});
}

bool isBlank(const std::string &text)
{
    return text.find_first_not_of(" \t\n") == std::string::npos;
}

// One removal and one addition a changed stretch: blanks between two changed words belong to
// the stretch ("[-CPU Busy-]{+CPU time+}", not "[-CPU-]{+Changed+} [-Busy-]{+time+}").
std::vector<WordDiff::Piece> grouped(const std::vector<WordDiff::Piece> &words)
{
    using Kind = WordDiff::Piece::Kind;
    std::vector<WordDiff::Piece> pieces;
    std::string removed;
    std::string added;
    auto flush = [&] {
        if (!removed.empty())
            append(pieces, Kind::Removed, removed);
        if (!added.empty())
            append(pieces, Kind::Added, added);
        removed.clear();
        added.clear();
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
        const WordDiff::Piece &word = words[k];
        const bool inStretch = !removed.empty() || !added.empty();
        const bool bridges = word.kind == Kind::Same && inStretch && isBlank(word.text) &&
                             k + 1 < words.size() && words[k + 1].kind != Kind::Same;
        if (word.kind == Kind::Removed || bridges)
            removed += word.text;
        if (word.kind == Kind::Added || bridges)
            added += word.text;
        if (word.kind == Kind::Same && !bridges) {
            flush();
            append(pieces, Kind::Same, word.text);
        }
    }
    flush();
    return pieces;
}

// Beyond this many word pairs the table would take too much memory: the texts are then shown
// as one removal and one addition.
constexpr std::size_t maxTableCells = 4'000'000;

} // namespace

std::vector<WordDiff::Piece> WordDiff::compare(std::string_view before, std::string_view after)
{
    const std::vector<std::string_view> a = words(before);
    const std::vector<std::string_view> b = words(after);
    std::vector<Piece> pieces;
    if ((a.size() + 1) * (b.size() + 1) > maxTableCells) {
        append(pieces, Piece::Kind::Removed, before);
        append(pieces, Piece::Kind::Added, after);
        return pieces;
    }
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::size_t> lcs((n + 1) * (m + 1), 0);
    auto at = [m, &lcs](std::size_t i, std::size_t j) -> std::size_t & {
        return lcs[i * (m + 1) + j];
    };
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    std::vector<Piece> words;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            words.push_back({Piece::Kind::Same, std::string(a[i++])});
            ++j;
        } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            words.push_back({Piece::Kind::Removed, std::string(a[i++])});
        } else {
            words.push_back({Piece::Kind::Added, std::string(b[j++])});
        }
    }
    return grouped(words);
}

std::string WordDiff::inlineText(const std::vector<Piece> &pieces)
{
    std::string out;
    for (const Piece &piece : pieces) {
        switch (piece.kind) {
        case Piece::Kind::Same:
            out += piece.text;
            break;
        case Piece::Kind::Removed:
            out += "[-" + piece.text + "-]";
            break;
        case Piece::Kind::Added:
            out += "{+" + piece.text + "+}";
            break;
        }
    }
    return out;
}

} // namespace Pd
