#include "studylibrary.h"

#include <algorithm>
#include <map>

namespace fenestra::viewer {

namespace {

// Patients are the same when ID and issuer agree; without an ID, when name and birth date do.
QString patientKey(const PatientInfo& p)
{
    if (!p.id.isEmpty())
        return QStringLiteral("id:") + p.id + QLatin1Char('|') + p.issuerOfPatientId;
    return QStringLiteral("name:") + p.name + QLatin1Char('|') + p.birthDate;
}

void sortTree(std::vector<PatientNode>& patients)
{
    std::sort(patients.begin(), patients.end(), [](const PatientNode& a, const PatientNode& b) {
        return std::tie(a.info.name, a.info.id) < std::tie(b.info.name, b.info.id);
    });
    for (PatientNode& patient : patients) {
        std::sort(patient.studies.begin(), patient.studies.end(),
                  [](const StudyNode& a, const StudyNode& b) {
                      return std::tie(a.info.date, a.info.time, a.info.instanceUid) <
                             std::tie(b.info.date, b.info.time, b.info.instanceUid);
                  });
        for (StudyNode& study : patient.studies) {
            std::sort(study.series.begin(), study.series.end(),
                      [](const SeriesNode& a, const SeriesNode& b) {
                          return std::tie(a.info.number, a.info.instanceUid) <
                                 std::tie(b.info.number, b.info.instanceUid);
                      });
        }
    }
}

} // namespace

bool StudyLibrary::add(InstanceInfo instance)
{
    if (m_bySopInstanceUid.contains(instance.sopInstanceUid)) {
        ++m_duplicates;
        return false;
    }
    m_bySopInstanceUid.insert(instance.sopInstanceUid, m_instances.size());
    m_instances.push_back(std::make_shared<const InstanceInfo>(std::move(instance)));
    return true;
}

void StudyLibrary::merge(StudyLibrary&& other)
{
    for (auto& instance : other.m_instances) {
        if (m_bySopInstanceUid.contains(instance->sopInstanceUid)) {
            ++m_duplicates;
            continue;
        }
        m_bySopInstanceUid.insert(instance->sopInstanceUid, m_instances.size());
        m_instances.push_back(std::move(instance));
    }
    m_duplicates += other.m_duplicates;
    for (FileError& error : other.m_errors)
        m_errors.push_back(std::move(error));
    other = StudyLibrary();
}

std::vector<PatientNode> StudyLibrary::tree() const
{
    std::vector<PatientNode> patients;
    std::map<QString, std::size_t> patientIndex;
    std::map<QString, std::pair<std::size_t, std::size_t>> studyIndex;
    for (const auto& instance : m_instances) {
        const QString pKey = patientKey(instance->patient);
        auto [pIt, newPatient] = patientIndex.try_emplace(pKey, patients.size());
        if (newPatient)
            patients.push_back({instance->patient, {}});
        PatientNode& patient = patients[pIt->second];
        const QString sKey = pKey + QLatin1Char('#') + instance->study.instanceUid;
        auto [sIt, newStudy] = studyIndex.try_emplace(sKey, pIt->second, patient.studies.size());
        if (newStudy)
            patient.studies.push_back({instance->study, {}});
        StudyNode& study = patient.studies[sIt->second.second];
        auto match =
            std::find_if(study.series.begin(), study.series.end(), [&](const SeriesNode& s) {
                return s.info.instanceUid == instance->series.instanceUid;
            });
        if (match == study.series.end()) {
            study.series.push_back({instance->series, {}, {}});
            match = std::prev(study.series.end());
        }
        match->instances.push_back(instance);
    }
    for (PatientNode& patient : patients) {
        for (StudyNode& study : patient.studies) {
            for (SeriesNode& series : study.series)
                series.displaySets = buildDisplaySets(series.instances);
        }
    }
    sortTree(patients);
    return patients;
}

} // namespace fenestra::viewer
