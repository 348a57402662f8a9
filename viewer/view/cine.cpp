#include "cine.h"

#include <cmath>

namespace fenestra::viewer {

namespace {

bool isPositive(const std::optional<double>& value)
{
    return value && std::isfinite(*value) && *value > 0.0;
}

} // namespace

double cineIntervalMs(const InstanceInfo& instance, double fallbackFps)
{
    if (isPositive(instance.recommendedFrameRate))
        return 1000.0 / *instance.recommendedFrameRate;
    if (isPositive(instance.frameTimeMs))
        return *instance.frameTimeMs;
    const double fps = std::isfinite(fallbackFps) && fallbackFps > 0.0 ? fallbackFps : 10.0;
    return 1000.0 / fps;
}

} // namespace fenestra::viewer
