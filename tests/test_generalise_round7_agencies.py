"""Generalisation checks, round 7 (agencies), from the kinds of phrasing met in real public
report pages (police humas posts, regional news); the sentences are written for this file
(fictional events, real regions, other units) and annotated per GUIDE.md:
- church synods (`GKI`, `HKBP`, `GMIM`), the veterans' children's forum (`FKPPI`), job-training
  institutes (`LPK`), police schools (`SPN`), `Bidokkes` spelled with one d, Aceh's `WH`;
- Jakarta's administrative cities (`Kota Administrasi Jakarta Barat`) are written `Jakarta
  Barat`: a name goes on past `Jakarta` (`Satpol PP Jakarta Barat (Satpol PP Jakbar)`);
- a compass word after a region, with the acronym in brackets after it, ends the name
  (`Gereja Protestan Indonesia Barat (GPIB)`);
- `polri` written small still names Polri; `TNI/Polri` is two organisations, a letter
  number (`12/BPBD/IX/2020`) none;
- a unit inside an office (`Bidang`, `Seksi`) is named by field words: a person's name after
  it is not part of it;
- `Pimpinan Cabang` before a company names the branch manager, not an NU/Muhammadiyah board;
- a numbered branch under its parent (`Persit KCK Cab. XII Kodim 1624/Flores Timur`) is one
  name;
- the outlet's name glued to a photographer's name (`ANTARA/Rina Sari`) is a credit;
- private and written-out school names (`SMAS X` is `Sekolah Menengah Atas Swasta X`), the
  SAR office's short name (`Kansar`) and Basarnas's former name (`Badan SAR Nasional`), KKP's
  `PSDKP`; a level's or office's acronym names its body (`BNNK X` is `BNN Kabupaten X`,
  `Kantor SAR X` is `Basarnas X`); `Bagian` before a compass word is in a region's name (`Seram Bagian Barat`); a
  letter's `Nomor` ends the sender's name; a glued unit acronym (`P2M`) stays whole;
- the forum of kecamatan leaders (`FKPK`), `Korpri`, `DWP`, `Paskibraka`, the police `Sihumas`;
  in a headline in capitals an acronym takes no unknown capital word after it (`KPU IKUTI`);
- a company's name may begin with a region and hold an English `and` (`PT Sumatera Hijau Pulp
  and Paper`); a common noun written small before a name (`perusahaan PT X`) is not part of it;
- a two-word acronym in brackets before the parent unit is passed over (`Satuan Polisi
  Perairan dan Udara (Sat Polairud) Polresta X`); `Tim Patroli` alone is generic;
- a table expansion as long as its form (`Pos Pengamanan` for `Pos Pam`) counts only written
  as a name, not as a common phrase (`pos pengamanan akan dibangun`)."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses  # score.py's one-to-one match

AGENCY_CASES = [
    (
        "Jemaat GKI Kota Bogor dan HKBP Pekanbaru beribadah bersama.",
        ["GKI Kota Bogor", "HKBP Pekanbaru"],
    ),
    (
        "Pengamanan ibadah di GMIM Bethesda dan GMIT Kota Kupang melibatkan personel gabungan.",
        ["GMIM", "GMIT"],
    ),
    (
        "Kodim 1418/Mamuju melibatkan FKPPI Mamuju dalam bakti sosial.",
        ["Kodim 1418/Mamuju", "FKPPI Mamuju"],
    ),
    (
        "Pelatihan las digelar di LPK Maju Bersama Kota Tarakan selama 20 hari.",
        ["LPK Maju Bersama Kota Tarakan"],
    ),
    (
        "Vaksinasi lanjutan digelar di Poliklinik SPN Polda Kalbar.",
        ["SPN Polda Kalbar"],
    ),
    (
        "Bidokkes Polda Jambi menurunkan tenaga kesehatan ke lokasi banjir.",
        ["Bidokkes Polda Jambi"],
    ),
    (
        "Razia digelar Satpol PP dan WH Kabupaten Pidie di pusat kota.",
        ["Satpol PP", "WH Kabupaten Pidie"],
    ),
    (
        "Satuan Polisi Pamong Praja Jakarta Barat (Satpol PP Jakbar) menertibkan pedagang.",
        ["Satuan Polisi Pamong Praja Jakarta Barat"],
    ),
    (
        "Jemaat Gereja Protestan Indonesia Barat (GPIB) Sion merayakan Paskah.",
        ["Gereja Protestan Indonesia Barat"],
    ),
    (
        "Sebanyak 40 personel gabungan TNI/polri berjaga di Pelabuhan Bitung.",
        ["TNI", "Polri"],
    ),
    (
        "Para purnawirawan polri mengikuti senam bersama di Kendari.",
        ["Polri"],
    ),
    (
        "Kepala Dinas Sosial melalui Kepala Bidang Rehabilitasi Sosial Yuliana Rumbewas"
        " menyerahkan bantuan.",
        ["Dinas Sosial", "Bidang Rehabilitasi Sosial"],
    ),
    (
        "Kepala Seksi Kedaruratan dan Logistik BPBD Sikka, Yohanes, meninjau lokasi.",
        ["Seksi Kedaruratan dan Logistik BPBD Sikka"],
    ),
    (
        "Pimpinan Cabang Bulog Madiun memastikan stok aman. Operasi pasar digelar bersama Bulog.",
        ["Bulog Madiun"],
    ),
    (
        "Ketua Persit KCK Cab. XII Kodim 1624/Flores Timur membagikan paket sembako.",
        ["Persit KCK Cab. XII Kodim 1624/Flores Timur"],
    ),
    (
        "Kepala BPBD Sikka meninjau posko. ANTARA/Rina Sari\n"
        "Maumere (ANTARA) - BPBD Sikka menyalurkan bantuan.",
        ["BPBD Sikka"],
    ),
    (
        "Pos Pengamanan Ketupat Progo 2023 didirikan di Wates.",
        ["Pos Pengamanan Ketupat Progo"],
    ),
    (
        "BNN menguji 30 pelajar Sekolah Menengah Atas Swasta Bina Bangsa Palu. Kepala SMAS"
        " Bina Bangsa Palu mendampingi.",
        ["BNN", "Sekolah Menengah Atas Swasta Bina Bangsa Palu"],
    ),
    (
        "Siswa SMA Negeri 2 Palu dan guru Sekolah Menengah Atas Negeri 2 Palu ikut apel.",
        ["SMA Negeri 2 Palu"],
    ),
    (
        "Badan SAR Nasional (Basarnas) Ternate menutup operasi. Kepala Basarnas Ternate"
        " berterima kasih.",
        ["Badan SAR Nasional Ternate"],
    ),
    (
        "Kantor Pencarian dan Pertolongan (Kansar) Kendari menerjunkan tim. Kansar Kendari"
        " bersiaga.",
        ["Kantor Pencarian dan Pertolongan Kendari"],
    ),
    (
        "Kapal pengawas PSDKP Bitung ikut menyisir perairan.",
        ["PSDKP Bitung"],
    ),
    (
        "Berdasarkan surat Kepala SMAS Bina Bangsa Palu Nomor: 12/33/2021 kegiatan digelar.",
        ["SMAS Bina Bangsa Palu"],
    ),
    (
        "Tim dari Bidang P2M BNNP Sulteng memberi materi.",
        ["Bidang P2M BNNP Sulteng"],
    ),
    (
        "Badan Narkotika Nasional Kabupaten Tanjung Jabung Barat menggelar tes urine. Kepala"
        " BNNK Tanjung Jabung Barat hadir.",
        ["Badan Narkotika Nasional Kabupaten Tanjung Jabung Barat"],
    ),
    (
        "BNNP Jambi dan BNN Provinsi Jambi menandatangani kerja sama dengan Polda Jambi.",
        ["BNN Provinsi Jambi", "Polda Jambi"],
    ),
    (
        "Kantor SAR Kendari menerjunkan tim rescue. Basarnas Kendari juga mengerahkan perahu.",
        ["Kantor SAR Kendari"],
    ),
    (
        "Peserta apel terdiri dari FKPK, Korpri, DWP, Sihumas Polres Grobogan dan anggota"
        " Paskibraka Kabupaten Grobogan.",
        ["FKPK", "Korpri", "DWP", "Sihumas Polres Grobogan", "Paskibraka Kabupaten Grobogan"],
    ),
    ("PERINGATI HARI BHAYANGKARA, PEGAWAI KPU IKUTI UPACARA\n\nIsi berita.", ["KPU"]),
    (
        "PT Sumatera Hijau Pulp and Paper (SHPP) menyalurkan paket. Secara total SHPP telah"
        " membantu 12 desa.",
        ["PT Sumatera Hijau Pulp and Paper"],
    ),
    (
        "Jalan desa diperbaiki oleh perusahaan PT Sinar Jaya Abadi bersama warga.",
        ["PT Sinar Jaya Abadi"],
    ),
    ("PT Bank Jatim Cabang Malang Budi Santoso hadir.", ["PT Bank Jatim Cabang Malang"]),
    (
        "Satuan Polisi Perairan dan Udara (Sat Polairud) Polresta Pontianak berpatroli."
        " Personel Sat Polairud memberi imbauan kepada nelayan.",
        ["Satuan Polisi Perairan dan Udara Polresta Pontianak"],
    ),
    ("Di bawah komando Padal Pos Pam, petugas mengatur arus.", ["Pos Pam"]),
    # negatives
    ("Tim Patroli tersebut menyusuri tepian sungai.", []),
    ("Bupati Kabupaten Seram Bagian Barat meninjau lokasi.", []),
    ("Pos pengamanan nanti akan dibangun di dekat pasar.", []),
    ("Warga diminta melapor ke polsek terdekat.", []),
    ("Surat nomor 12/BPBD/IX/2020 telah diterbitkan.", []),
    (
        "Pimpinan Cabang NU Kabupaten Jombang membuka pengajian.",
        ["Pimpinan Cabang NU Kabupaten Jombang"],
    ),
    (
        "Ketua HMI Cabang Kendari membuka diskusi.",
        ["HMI Cabang Kendari"],
    ),
]


@pytest.mark.parametrize(("text", "gold"), AGENCY_CASES)
def test_agencies(text: str, gold: list[str]) -> None:
    assert agency_misses(text, gold) == ([], [])
