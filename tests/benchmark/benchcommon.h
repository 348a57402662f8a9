#pragma once

// What the benchmarks share: the demo series they run on, and the median of repeated runs.

#include <QString>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace fenestra::bench {

// The demo CT folder (512x512x300), generated into a temporary folder on first use (the
// generator returns at once when it is up to date). Empty when generation failed.
QString demoCtFolder(QTextStream& err);

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace fenestra::bench
