"""Political parties and their units, written for this test (fictional events; the party
names are the public names of Indonesian parties), annotated by hand per GUIDE.md: a party is
a named organisation; its board at a level (DPP/DPW/DPD/DPC/PAC + party + region) is one
organisation, as a unit inside its parent is; a faction (Fraksi X DPRD Y) names the
legislature's faction. Negatives: the party acronyms that are also tax and agreement
acronyms (PKB: Pajak Kendaraan Bermotor, PKS: Perjanjian Kerja Sama) where nothing says
party, and DPD RI, the regional senate. Compared as score.py does."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses  # score.py's one-to-one match

CASES = [
    (
        "Pengurus DPC PDI Perjuangan Kabupaten Blitar menggelar bakti sosial di Desa Sumberjo.",
        ["DPC PDI Perjuangan Kabupaten Blitar"],
    ),
    (
        "DPD Partai Golkar Jawa Timur membagikan paket sembako kepada warga terdampak banjir.",
        ["DPD Partai Golkar Jawa Timur"],
    ),
    (
        "Kader Partai Gerindra dan Partai NasDem ikut membersihkan saluran air di pasar.",
        ["Partai Gerindra", "Partai NasDem"],
    ),
    (
        "Fraksi PKS DPRD Kota Depok menggelar reses di Kecamatan Sawangan.",
        ["Fraksi PKS DPRD Kota Depok"],
    ),
    (
        "DPW PKB Jawa Timur menggelar doa bersama untuk korban bencana.",
        ["DPW PKB Jawa Timur"],
    ),
    (
        "Ketua DPC Partai Demokrat Kabupaten Pacitan menyerahkan bantuan kursi roda.",
        ["DPC Partai Demokrat Kabupaten Pacitan"],
    ),
    (
        "PAC PDI Perjuangan Kecamatan Srengat menanam seribu pohon di bantaran sungai.",
        ["PAC PDI Perjuangan Kecamatan Srengat"],
    ),
    (
        "Bawaslu dan KPU Kabupaten Kediri mengawasi kampanye Partai Amanat Nasional (PAN).",
        ["Bawaslu", "KPU Kabupaten Kediri", "Partai Amanat Nasional"],
    ),
    (
        "Simpatisan Partai Persatuan Pembangunan dan Partai Buruh mendaftar sebagai saksi.",
        ["Partai Persatuan Pembangunan", "Partai Buruh"],
    ),
    (
        "DPP Partai Hanura menunjuk pelaksana tugas ketua di Sulawesi Selatan.",
        ["DPP Partai Hanura"],
    ),
    # negatives
    (
        "Wajib pajak diimbau membayar PKB sebelum jatuh tempo di kantor Samsat.",
        ["Samsat"],
    ),
    (
        "Penandatanganan PKS antara Pemkab Sleman dan Universitas Gadjah Mada digelar di aula.",
        ["Pemkab Sleman", "Universitas Gadjah Mada"],
    ),
    (
        "Anggota DPD RI asal Jawa Tengah menyerap aspirasi petani di balai desa.",
        ["DPD RI"],
    ),
    (
        "Rapat kerja bersama DPD dan DPR membahas anggaran daerah tertinggal.",
        ["DPD", "DPR"],
    ),
]


@pytest.mark.parametrize(("text", "gold"), CASES)
def test_parties(text: str, gold: list[str]) -> None:
    fp, fn = agency_misses(text, gold)
    assert (fp, fn) == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "Pada Partai Final turnamen voli, regu putri menang 3-1.",
        "LAGA PARTAI FINAL TURNAMEN BOLA VOLI ANTARDESA",
        "Warga diimbau tidak memasang atribut partai di fasilitas umum.",
        "Tujuh partai politik peserta pemilu menandatangani deklarasi kampanye damai.",
    ],
)
def test_not_a_party(text: str) -> None:
    assert agency_misses(text, []) == ([], [])
