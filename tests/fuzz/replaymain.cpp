// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Stand-in for libFuzzer's main when the fuzz targets are built by g++ (which has
// no -fsanitize=fuzzer): runs LLVMFuzzerTestOneInput over every file named on the
// command line (directories recursively), so the seed corpora run in every ctest
// run and under the ASan/UBSan job.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {
int runFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
#ifdef FM_FUZZ_SEEDS
    // No arguments (as ctest runs it): the seed directories given by tests/fuzz/CMakeLists.txt.
    if (args.empty()) {
        std::string seeds = FM_FUZZ_SEEDS;
        for (size_t start = 0, bar; start <= seeds.size(); start = bar + 1) {
            bar = seeds.find('|', start);
            if (bar == std::string::npos)
                bar = seeds.size();
            args.push_back(seeds.substr(start, bar - start));
        }
    }
#endif
    int files = 0;
    int errors = 0;
    for (const auto &name : args) {
        const std::filesystem::path arg(name);
        if (std::filesystem::is_directory(arg)) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(arg)) {
                if (entry.is_regular_file()) {
                    errors += runFile(entry.path());
                    ++files;
                }
            }
        } else {
            errors += runFile(arg);
            ++files;
        }
    }
    // The empty input too: parsers must cope with it.
    LLVMFuzzerTestOneInput(nullptr, 0);
    std::printf("%d inputs replayed, %d unreadable\n", files, errors);
    return files > 0 && errors == 0 ? 0 : 1;
}
