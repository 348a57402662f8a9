#include "dicommodel.h"

namespace fenestra::viewer {

QString objectKindToString(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Image:
        return QStringLiteral("image");
    case ObjectKind::StructuredReport:
        return QStringLiteral("structured report");
    case ObjectKind::KeyObjectSelection:
        return QStringLiteral("key object selection");
    case ObjectKind::PresentationState:
        return QStringLiteral("presentation state");
    case ObjectKind::RtStructureSet:
        return QStringLiteral("RT structure set");
    case ObjectKind::RtPlan:
        return QStringLiteral("RT plan");
    case ObjectKind::Waveform:
        return QStringLiteral("waveform");
    case ObjectKind::EncapsulatedDocument:
        return QStringLiteral("encapsulated document");
    case ObjectKind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace fenestra::viewer
