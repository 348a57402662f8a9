#include "windowpresets.h"

#include <QtGlobal>

namespace fenestra::viewer {

namespace {

constexpr WindowPreset kCtPresets[] = {
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Brain"), 40.0, 80.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Subdural"), 75.0, 215.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Stroke"), 40.0, 40.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Lung"), -600.0, 1500.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Mediastinum"), 50.0, 350.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Abdomen"), 60.0, 400.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Liver"), 90.0, 150.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Bone"), 480.0, 2500.0},
    {QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset", "Angio"), 300.0, 600.0},
};

} // namespace

std::span<const WindowPreset> ctWindowPresets()
{
    return kCtPresets;
}

} // namespace fenestra::viewer
