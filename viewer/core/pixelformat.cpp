#include "pixelformat.h"

#include <array>
#include <utility>

namespace fenestra::viewer {

namespace {
constexpr std::array<std::pair<Photometric, const char*>, 9> kNames{{
    {Photometric::Monochrome1, "MONOCHROME1"},
    {Photometric::Monochrome2, "MONOCHROME2"},
    {Photometric::Rgb, "RGB"},
    {Photometric::YbrFull, "YBR_FULL"},
    {Photometric::YbrFull422, "YBR_FULL_422"},
    {Photometric::YbrPartial420, "YBR_PARTIAL_420"},
    {Photometric::YbrIct, "YBR_ICT"},
    {Photometric::YbrRct, "YBR_RCT"},
    {Photometric::PaletteColor, "PALETTE COLOR"},
}};
} // namespace

Photometric photometricFromString(const QString& value)
{
    const QString trimmed = value.trimmed().toUpper();
    for (const auto& [photometric, name] : kNames) {
        if (trimmed == QLatin1String(name))
            return photometric;
    }
    return Photometric::Unknown;
}

QString photometricToString(Photometric photometric)
{
    for (const auto& [candidate, name] : kNames) {
        if (candidate == photometric)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("UNKNOWN");
}

bool isMonochrome(Photometric photometric)
{
    return photometric == Photometric::Monochrome1 || photometric == Photometric::Monochrome2;
}

} // namespace fenestra::viewer
