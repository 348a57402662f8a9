#pragma once

// What the benchmarks share: the demo series they run on, and the median of repeated runs.

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <optional>
#include <vector>

namespace fenestra::bench {

// The demo CT folder (512x512x300), generated into a temporary folder on first use (the
// generator returns at once when it is up to date). Empty when generation failed.
QString demoCtFolder(QTextStream& err);

// `[FOLDER] [--runs N]`: the folder (the demo CT when none is given) and the number of runs
// (default 3). Prints the usage and returns nothing when the folder is unusable.
struct BenchArguments
{
    QString folder;
    int runs = 3;
};
std::optional<BenchArguments> parseBenchArguments(QStringList args, const char* program,
                                                  QTextStream& err);

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace fenestra::bench
