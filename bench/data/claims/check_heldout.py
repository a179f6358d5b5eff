#!/usr/bin/env python3
"""Validate the hand-written held-out claim-report sets.

Checks every held-out set listed in SETS (heldout_*.jsonl ... heldout18_*.jsonl, next to this file):
JSON shape, allowed slot values, ID numbers (GB 11643 check digit, area code,
birth date), mobile numbers, places, ICD-10 category format, hospital names,
dates not after ref_date.  It also cross-checks labels against the text:
ID/phone digits and names must be findable in what the caller says, and
common relative date expressions (昨天, 上周三, 上个月底 ...) are resolved
independently with datetime and must include the labelled date.

This script does not use the system under test.  When you add data with a new
area code, place or hospital, extend the tables below (area codes were taken
from the national administrative-division list).

Usage: python3 check_heldout.py [--verbose]
       [--prefix heldout|heldout2|...|heldout104 ...]
(without --prefix all sets in SETS are checked)
Exit status 0 when clean, 1 otherwise.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# Held-out sets checked: prefix -> (expected item lines, expected dialog lines).
# Files are <prefix>_items.jsonl and <prefix>_dialogs.jsonl next to this script.
#   heldout   first hand-written set
#   heldout2  second set, written blind by an AI helper (see README.md)
#   heldout3  third set, written blind by an AI helper; phone / speech-recognition style (see README.md)
#   heldout4  fourth set, written blind by an AI helper; ordinary-week mix, about a third ASR style (see README.md)
#   heldout5  fifth set, written blind by an AI helper; regional speech, ASR transcripts, all provinces (see README.md)
#   heldout6  sixth set, written blind by an AI helper; lunar/festival dates, hospital nicknames (see README.md)
#   heldout7  seventh set, written blind by an AI helper; new places, non-family reporters,
#             rural/work/home accidents (see README.md)
#   heldout8  eighth set, written blind by an AI helper; new counties, step/godparent/non-family
#             reporters, solar terms (see README.md)
#   heldout9  ninth set, written blind by an AI helper; ordinary-week mix, about a third ASR style (see README.md)
#   heldout10 tenth set, written blind by an AI helper; ordinary-month mix, about a third ASR style,
#             smaller provinces and prefectures, solar-term dates (see README.md)
#   heldout11 eleventh set, written blind by an AI helper; a year of hotline calls, about 40% ASR style
#             (see README.md)
#   heldout12 twelfth set, written blind by an AI helper; one winter and one summer on a mid-size
#             insurer's claim line, about a third ASR style, HR and agent reporters (see README.md)
#   heldout13 thirteenth set, written blind by an AI helper; a spring and an autumn on a southern /
#             south-western claim line, about a third ASR style (see README.md)
#   heldout14 fourteenth set, written blind by an AI helper; a year on a northern / north-eastern /
#             north-western claim line, about a third ASR style, a quarter typed WeChat messages (see README.md)
#   heldout15 fifteenth set, written blind by an AI helper; a year on an eastern / central-China claim line,
#             a quarter reported by insurance agents, about 30% ASR style, about 20% typed in the app (see README.md)
#   heldout16 sixteenth set, written blind by an AI helper; a year on a south-western / southern claim line
#             (hotline and WeChat), about a third ASR style, regional kin words (see README.md)
#   heldout17 seventeenth set, written blind by an AI helper; a year on a northern / north-eastern claim line,
#             about a third ASR style, a quarter typed chat messages (see README.md)
#   heldout20 twentieth set, written blind by an AI helper; a year on a north-western / south-western claim line
#             (Shaanxi, Gansu, Ningxia, Qinghai, Xinjiang, Sichuan, Yunnan, Guizhou, Tibet), about a third ASR style,
#             about a fifth typed chat messages, herders, miners, drivers, plateau tourists (see README.md)
#   heldout19 nineteenth set, written blind by an AI helper; a year on an eastern coastal claim line
#             (Shanghai, Jiangsu, Zhejiang, Fujian, Anhui, coastal Shandong), about a third ASR style,
#             about a fifth typed chat messages, Wu/Min kin words (see README.md)
#   heldout21 twenty-first set, written blind by an AI helper; a year of reports from all over China, mostly
#             typed into the app / WeChat by agents, customers, HR clerks and teachers (labelled forms, digit
#             groups, emoji), about a quarter hotline transcripts (see README.md)
#   heldout22 twenty-second set, written blind by an AI helper; a year on a southern claim line (Guangdong,
#             Fujian, Hainan, Guangxi, Jiangxi), Cantonese / Minnan / Hakka / Hainanese-flavoured Mandarin, about a
#             third ASR style, about a fifth typed chat messages, typhoons, floods, festival travel (see README.md)
#   heldout18 eighteenth set, written blind by an AI helper; a year on a central / south-central claim line
#             (Hunan, Hubei, Jiangxi, Henan, Guangxi, Hainan, Chongqing), about a third ASR style, a fifth typed
#             chat messages, county and village callers, migrant workers (see README.md)
#   heldout23 twenty-third set, written blind by an AI helper; a year of reports from all over mainland China,
#             about half illnesses, many reporters who are siblings, in-laws, grandchildren, nephews, agents and
#             employers; about a third ASR style, about a fifth typed chat messages (see README.md)
#   heldout24 twenty-fourth set, written blind by an AI helper; a year of national-hotline calls from north China
#             (Beijing, Tianjin, Hebei, Shanxi, Inner Mongolia, inland Shandong, northern Henan), many elderly
#             insured and illnesses, rural and winter accidents, reporters often grown children, daughters-in-law
#             and neighbours, northern colloquial speech; about a third ASR style, about a fifth typed chat
#             (see README.md)
#   heldout25 twenty-fifth set, written blind by an AI helper; a year of reports from central and eastern small towns
#             and villages (Anhui, Jiangxi, Hubei, southern Henan, northern Jiangsu, hilly Zhejiang): farm, road and
#             building-site accidents, children at school and on holiday, e-bikes and tricycles, some illnesses;
#             teachers, village doctors, employers and agents among the reporters; about a third ASR style, about a
#             fifth typed chat messages (see README.md)
#   heldout26 twenty-sixth set, written blind by an AI helper; a year of reports from all over mainland China,
#             a third typed into the app / WeChat by agents, HR clerks and customers (labelled forms, digit groups
#             with spaces or dashes, typos, emoji), about a third hotline ASR transcripts; many self-corrections and
#             relative dates (上上周X, 这周一, 大前天, 上个月最后一天), hospital nicknames with the city (see README.md)
#   heldout27 twenty-seventh set, written blind by an AI helper; a year of calls from the south-west and south
#             (Sichuan, Chongqing, Guizhou, Yunnan, Guangxi, Guangdong, Hainan, Hunan, Tibet), Sichuanese /
#             Cantonese / Hunanese / Guizhou-flavoured Mandarin, about a third ASR style, about a fifth typed chat
#             messages, mountain roads, motorbikes, farm work, bites, poisoning, tropical illnesses, migrant workers
#             calling about parents at home, minority names (see README.md)
#   heldout28 twenty-eighth set, written blind by an AI helper; a year of ordinary calls to a national claims hotline
#             from every province, mostly short openings (who is hurt and roughly what happened), everyday accidents
#             (falls at home, stairs, traffic, kitchen, sports) and common illnesses (stroke, heart attack, cancers,
#             pneumonia, appendicitis, gallstones), mixed ages and relations; about a third ASR style, about a fifth
#             typed chat messages (see README.md)
#   heldout29 twenty-ninth set, written blind by an AI helper; a year of reports from big-city residents (Beijing,
#             Shanghai, Guangzhou, Shenzhen, Hangzhou, Chengdu, Wuhan, Nanjing, Xi'an, Tianjin, Chongqing): office
#             workers, commuters, couriers, runners and cyclists, gym and ski injuries, cancers found at company
#             check-ups, middle-age strokes and heart attacks; about a third ASR style, about a fifth typed app / chat
#             messages, hospital nicknames with the city (协和, 瑞金, 华山, 中山, 华西, 同济, 北医三院, 积水潭, 301,
#             中山一院, 省医) (see README.md)
#   heldout30 thirtieth set, written blind by an AI helper; a year of calls about elderly insured people (70-95)
#             from the north-east, north-west and inner China (Heilongjiang, Jilin, Liaoning, Inner Mongolia,
#             Shaanxi, Gansu, Ningxia, Qinghai, Xinjiang, Henan, Hubei, Shanxi, Anhui, Jiangxi), reported by grown
#             children, grandchildren, daughters-in-law, carers, care homes and neighbours; falls and fractures (hip,
#             wrist, spine), strokes, heart failure, pneumonia, deaths at home and in hospital; slow speech with
#             repetitions and corrections, about a third ASR style, about a fifth typed chat messages (see README.md)
#   heldout31 thirty-first set, written blind by an AI helper; a year of reports about children and students from all
#             over China (parents, grandparents, teachers, kindergarten staff, school nurses, camp staff): PE class,
#             playground, stairs, trampolines, bikes, swimming, burns and scalds, dog bites, fractures, appendicitis,
#             mycoplasma, hand-foot-mouth disease, Kawasaki disease, leukaemia; school terms, holidays and summer camps;
#             about a third ASR style, about a fifth typed chat messages (see README.md)
#   heldout32 thirty-second set, written blind by an AI helper; one ordinary year of a life insurer's claim-report
#             robot from every province: hotline speech and app / WeChat typing mixed, reporters of every kind (the
#             insured, spouses, children, parents, in-laws, siblings, grandchildren, employers, HR, agents, neighbours,
#             a property manager, a village cadre), illnesses and accidents about half and half, all ages, common and
#             less common diagnoses, hospitals in full, by nickname with or without the city, or vague; about a third
#             ASR style, about a fifth typed chat messages (see README.md)
#   heldout33 thirty-third set, written blind by an AI helper; a year of reports from the north-east, Shandong, Hebei,
#             Shanxi and the north-west, many made by insurance agents and bank staff for customers (typed and spoken)
#             and by in-laws and grandchildren: farm machinery, coal mines, building sites, winter ice and coal-stove CO
#             poisoning, summer drowning and heat, heart and brain illnesses, cancers; natural corrections and
#             repetitions; about a third ASR style, about a fifth typed chat messages (see README.md)
#   heldout35 thirty-fifth set, written blind by an AI helper; a year of reports from Guangdong, Guangxi, Hainan and
#             Fujian, Mandarin coloured by Cantonese / Hakka / Minnan, many spouses and grown children reporting:
#             typhoons, fishing boats, factories in Dongguan / Foshan, motorbikes, drowning, dengue, heat, snake bites;
#             about a third ASR style, about a fifth typed chat messages (see README.md)
#   heldout38 thirty-eighth set, written blind by an AI helper; a year of reports from the west (Xinjiang, Tibet,
#             Qinghai, Gansu, Ningxia, Inner Mongolia, autonomous prefectures / counties / banners of Yunnan, Guizhou
#             and Sichuan): herders, livestock injuries, mountain-road and plateau-highway accidents, altitude illness
#             in travellers, mines and building sites, coal-stove CO poisoning; tour guides, drivers, colleagues,
#             agents and relatives reporting; about a third ASR style, about a fifth typed chat messages (see README.md)
#   heldout34 thirty-fourth set, written blind by an AI helper; a year of reports from Shanghai, Jiangsu and Zhejiang
#             cities, mostly white-collar workers and their families in the app / WeChat or calling at lunch: commuting
#             (metro stairs, e-bikes, shared bikes, taxis), sports (badminton, running, skiing, basketball), office
#             illnesses (heart, stroke, cancers found at company check-ups), elderly parents living alone; districts and
#             landmarks instead of full places; about a third ASR style, about a quarter typed (see README.md)
#   heldout39 thirty-ninth set, written blind by an AI helper; a year of hotline calls from anxious or elderly
#             reporters and from HR staff reporting for employees under group policies (forms read aloud or typed,
#             工号 / 部门 mixed in), vague-then-precise dates, questions back to the operator, partial information;
#             illness and accident about equal, all provinces; about a third ASR style, about a fifth typed
#             (see README.md)
#   heldout36 thirty-sixth set, written blind by an AI helper; a year on a county-level claim line in Henan, Hubei,
#             Hunan, Anhui and Jiangxi: elderly farmers and their grown children working away from home who report by
#             phone from another city; strokes, heart failure, cancers, pesticide and CO poisoning, farm, road and
#             flood accidents, county / township hospitals named vaguely or in full; about 40% ASR style, about a
#             fifth typed chat messages (see README.md)
#   heldout37 thirty-seventh set, written blind by an AI helper; one ordinary month (November 2026) on a national
#             hotline from every region: all kinds of reporters, illnesses and accidents, long rambling accounts with
#             self-corrections of dates, names, phone / ID digits and places, facts in unusual order; about a third
#             ASR style, about a fifth typed chat messages (see README_heldout37.md)
#   heldout40 fortieth set, written blind by an AI helper; an ordinary year (January to early December) on a national
#             claim line of a mid-size life insurer: the plain typical mix of reporters, provinces, big cities and
#             counties, illnesses and accidents, hotline calls and app messages; about a third ASR style, about a fifth
#             typed (see README.md)
#   heldout41 forty-first set, written blind by an AI helper; a year of reports from Beijing, Tianjin, Hebei, Shandong
#             and the north-east (cities and their counties): elderly people alone or with their children,
#             schoolchildren, commuters and delivery riders; winter ice falls, summer swimming, traffic, strokes, heart
#             attacks, cancers found at check-ups; family, neighbours, teachers, colleagues and agents reporting;
#             about a third ASR style, about a fifth typed chat / app messages (see README.md)
#   heldout42 forty-second set, written blind by an AI helper; a spring and a summer (March to August 2026) on a
#             national claim line: spring outings, tomb-sweeping, planting, May Day and Dragon Boat trips, summer
#             swimming, heat and storms; all regions, cities and counties; about a third ASR style, about a fifth
#             typed chat / app messages (see README_heldout42.md)
#   heldout43 forty-third set, written blind by an AI helper; an autumn (September to early December 2026) and a
#             winter (January-February 2026) on a national claim line: school and university terms (PE, dormitories,
#             military training), harvest and farm work, National Day trips, cold-weather strokes and heart attacks,
#             CO poisoning, icy roads and falls, Spring Festival travel and fireworks; about a third ASR style, about
#             a fifth typed chat / app messages (see README_heldout43.md)
#   heldout46 blind AI set: October 2026 hotline ASR transcripts (~80%), all of China, 国庆/秋收/重阳 (see README.md)
#   heldout44 forty-fourth set, blind AI helper; rural Henan/Hubei/Hunan/Anhui/Jiangxi, farm machinery, migrants
#   heldout47 47th set, blind AI helper; agents, counter and bank staff reporting for customers (see README.md)
#   heldout45 forty-fifth set, written blind by an AI helper; a year of reports from Sichuan, Chongqing, Yunnan and
#             Guizhou in south-western Mandarin: mountain roads, motorbikes, hotpot restaurants, building sites, farm
#             work, Yunnan / Guizhou tourists, minority names; about 45% ASR style, about a fifth typed (see README.md)
SETS: dict[str, tuple[int, int]] = {
    "heldout16": (100, 30),
    "heldout17": (100, 30),
    "heldout18": (100, 30),
    "heldout19": (100, 30),
    "heldout20": (100, 30),
    "heldout21": (100, 30),
    "heldout22": (100, 30),
    "heldout23": (100, 30),
    "heldout24": (100, 30),
    "heldout25": (100, 30),
    "heldout26": (100, 30),
    "heldout27": (100, 30),
    "heldout28": (100, 30),
    "heldout29": (100, 30),
    "heldout30": (100, 30),
    "heldout31": (100, 30),
    "heldout32": (100, 30),
    "heldout33": (100, 30),
    "heldout35": (100, 30),
    "heldout38": (100, 30),
    "heldout34": (100, 30),
    "heldout39": (100, 30),
    "heldout36": (100, 30),
    "heldout40": (100, 30),
    "heldout41": (100, 30),
    "heldout42": (100, 30),
    "heldout": (80, 30),
    "heldout2": (100, 30),
    "heldout3": (100, 30),
    "heldout4": (100, 30),
    "heldout5": (100, 30),
    "heldout6": (100, 30),
    "heldout7": (100, 30),
    "heldout8": (100, 30),
    "heldout9": (100, 30),
    "heldout10": (100, 30),
    "heldout11": (100, 30),
    "heldout12": (100, 30),
    "heldout13": (100, 30),
    "heldout14": (100, 30),
    "heldout15": (100, 30),
    "heldout37": (100, 30),
    "heldout43": (100, 30),
    # heldout49: written blind by an AI helper; a typical year on a national life-insurer claim line (control set)
    "heldout49": (100, 30),
    "heldout46": (100, 30),
    "heldout44": (100, 30),
    "heldout47": (100, 30),
    "heldout45": (100, 30),
    # heldout48: blind AI helper; elderly callers (65-90) and their adult children, all of China, over 2026
    "heldout48": (100, 30),
    # heldout50: written blind by an AI helper; an ordinary 2026 on a national claim hotline (control set)
    "heldout50": (100, 30),
    # heldout51: blind AI set; typed WeChat/app/web reports, Shandong/Jiangsu/Anhui/Fujian/Jiangxi/Guangxi/Hainan
    "heldout51": (100, 30),
    # heldout52: blind AI set; children and students (学平险, 少儿医疗), parents / grandparents / teachers reporting
    "heldout52": (100, 30),
    # heldout53: blind AI helper; north China plain and north-west, farms, mines, lorries, CO, dialect (see README)
    "heldout53": (100, 30),
    # heldout54: blind AI helper; control set, an ordinary 2026 on a national claim hotline and app, all provinces
    "heldout54": (100, 30),
    # heldout55: blind AI helper; a year of illness claims (重疾, cancers, strokes, stents, dialysis, pregnancy)
    "heldout55": (100, 30),
    # heldout56: blind AI set; employers, HR, foremen, safety officers, schools and agents report for others (团险)
    "heldout56": (100, 30),
    # heldout57: blind AI helper; winter control set, Dec 2025-Dec 2026, ice falls, CO, fireworks, Spring Festival
    "heldout57": (100, 30),
    # heldout58: blind AI helper; road accidents nationwide over 2026 (e-bikes, riders, lorries, expressways, deaths)
    "heldout58": (100, 30),
    # heldout59: blind AI helper; raw phone-line ASR transcripts over 2026, nationwide, fillers, 幺/洞/两 digits
    "heldout59": (100, 30),
    # heldout60: blind AI helper; control set, an ordinary 2026 on a national claim hotline, WeChat and app
    "heldout60": (100, 30),
    # heldout61: blind AI helper; Guangdong/Guangxi/Hainan/Fujian over 2026, Cantonese/Hakka/Minnan words mixed in
    "heldout61": (100, 30),
    # heldout62: blind AI helper; young people typing in the app / WeChat over 2026, chat bursts, emoji, forms
    "heldout62": (100, 30),
    # heldout63: blind AI helper; control set, an ordinary month (15 Oct-30 Nov 2026) on a national claim hotline
    "heldout63": (100, 30),
    # heldout64: blind AI helper; spring control set (Mar-May 2026), national hotline + app, provinces by population
    "heldout64": (100, 30),
    # heldout65: blind AI helper; middle-aged family caregivers report for in-laws, spouses, children, grandchildren
    "heldout65": (100, 30),
    # heldout66: blind AI helper; central China (Hubei/Hunan/Jiangxi/Anhui/Henan) Feb-Nov 2026, local kin/day words
    "heldout66": (100, 30),
    # heldout67: blind AI helper; summer control set (Jun-Aug 2026), national hotline + app, provinces by population
    "heldout67": (100, 30),
    # heldout68: blind AI helper; winter control set (Dec 2025-Feb 2026), national hotline + app, by population
    "heldout68": (100, 30),
    # heldout69: blind AI helper; reporters read out / paste discharge summaries, diagnosis certificates, police reports
    "heldout69": (100, 30),
    # heldout70: blind AI helper; phone ASR slips (homophone places/hospitals/terms), all provinces, Jan-Dec 2026
    "heldout70": (100, 30),
    # heldout71: blind AI helper; March 2026 control set, national hotline (mostly phone ASR, some typed)
    "heldout71": (100, 30),
    # heldout72: blind AI helper; Sep-Oct 2026 control set, national hotline + app, provinces by population
    "heldout72": (100, 30),
    # heldout73: blind AI helper; control set, an ordinary year (Jan-Nov 2026) on a national claim desk
    "heldout73": (100, 30),
    # heldout74: blind AI helper; July 2026 control set, national hotline (2/3 phone speech, 1/3 typed), by population
    "heldout74": (100, 30),
    # heldout75: blind AI helper; winter control set (15 Nov-31 Dec 2026), app chat + WeChat voice ASR, by population
    "heldout75": (100, 30),
    # heldout76: blind AI helper; reporters who correct themselves (days, names, digits, hospitals, kin, places)
    "heldout76": (100, 30),
    # heldout77: blind AI helper; Mar-Jun 2026 control set, north / north-east China plus some callers elsewhere
    "heldout77": (100, 30),
    # heldout78: blind AI helper; control set Aug-Dec 2026, east / south-east China (SD, JS, ZJ, FJ, SH, JX)
    "heldout78": (100, 30),
    # heldout79: blind AI helper; control set Jan-Apr 2026, south-west / north-west China plus some callers elsewhere
    "heldout79": (100, 30),
    # heldout80: blind AI helper; control set May-Sep 2026, central / southern China (HB, HN, HA, GD, GX, HI)
    "heldout80": (100, 30),
    # heldout81: blind AI helper; control set Nov-Dec 2026, north-east / Hebei / Shandong / Jiangsu plus a few elsewhere
    "heldout81": (100, 30),
    # heldout82: blind AI helper; summer control set (Jun-Sep 2026), GD/GX/FJ/YN/GZ/HI callers plus a few from elsewhere
    "heldout82": (100, 30),
    # heldout83: blind AI helper; spring 2026 (20 Feb-31 May) after the Spring Festival,
    # central China (AH/JX/HN/HB/HA/CQ)
    "heldout83": (100, 30),
    # heldout84: blind AI helper; big eastern cities (BJ/TJ/SH/HZ/NJ/SZ/NB) over 2026, white-collar and retired callers,
    # typed chat and pasted HR / agent forms, hospital nicknames, travellers hurt away from home, sports, commuting
    "heldout84": (100, 30),
    # heldout85: blind AI helper; autumn 2026 (Sep-Nov) in the west (SC/SN/GS/NX/QH/XJ/XZ/YN): harvests, herding,
    # mountain roads, mines and sites, National Day self-drive and altitude, first cold snaps; Han/Hui/Uyghur/Kazakh/
    # Tibetan/Yi callers with their own names and kin words, a few callers in the east about relatives there
    "heldout85": (100, 30),
    # heldout86: blind AI helper; control set, an ordinary year (Jan-Dec 2026) on a national claim line,
    # callers from every mainland region in proportion to population, ASR / typed / clean mix
    "heldout86": (100, 30),
    # heldout87: blind AI helper; an ordinary first quarter (5 Jan-10 Apr 2026) on a national claim line: New Year,
    # Spring Festival travel and visits, 元宵, return to work and school, ice / snow / fog, coal stoves and gas
    # heaters, flu, cold-weather strokes and heart attacks, elderly falls, children in the holidays, fireworks
    "heldout87": (100, 30),
    # heldout88: blind AI helper; reports made for someone else by people at work over 2026 (agents, HR, safety
    # officers, teachers, school doctors, foremen, fleet managers, care-home staff, guides), about a quarter family
    "heldout88": (100, 30),
    # heldout89: blind AI helper; an ordinary summer and early autumn (Jul-Oct 2026) on a national claim line: heat,
    # storms and floods, swimming and drowning, summer travel and National Day, school term, harvest, roads, sites
    "heldout89": (100, 30),
    # heldout90: blind AI helper; phone calls to a voice claim-report line over 2026, nationwide, about two thirds
    # raw speech-recognition transcripts (fillers, repeats, 幺/洞/两 digit groups, homophone slips), rest clean speech
    # and a few typed messages; falls, traffic and work accidents, strokes, heart attacks, cancers, children, deaths
    "heldout90": (100, 30),
    # heldout91: blind AI helper; northern winter 2026 (Jan-Feb, Nov-Dec): ice falls, CO, skiing, snowy roads, strokes
    "heldout91": (100, 30),
    # heldout92: blind AI helper; an ordinary 2026 in the WeChat service window / app chat (typed bursts + voice),
    # callers by population
    "heldout92": (100, 30),
    # heldout93: blind AI helper; elderly insureds in GD/GX/HI/FJ/YN/GZ over 2026 (strokes, late cancers, chronic
    # flare-ups, falls and hip fractures), reported by grown children, spouses, neighbours and carers;
    # Cantonese/Hakka/Minnan kin words
    "heldout93": (100, 30),
    # heldout94: blind AI helper; voice claim-report line, autumn and winter 2026 (Sep-Dec), nationwide, about two
    # thirds raw speech-recognition transcripts (fillers, 幺/洞/两 digit groups, homophone slips), rest clean speech
    "heldout94": (100, 30),
    # heldout95: blind AI helper; ordinary spring and early summer (Mar-Jun 2026) on a national claim line,
    # callers by population
    "heldout95": (100, 30),
    # heldout96: blind AI helper; children and students over 2026 nationwide (parents, grandparents, teachers, school
    # doctors; school, playground, sport, way to school; pneumonia, mycoplasma, appendicitis, burns, swallowed objects)
    "heldout96": (100, 30),
    # heldout97: blind AI helper; late summer and autumn (Aug-Nov 2026) on a national claim line, callers by population
    "heldout97": (100, 30),
    # heldout98: blind AI helper; agents / counter / bank staff report for customers (app, forms, calls) plus family,
    # 2026
    "heldout98": (100, 30),
    # heldout99: blind AI helper; control set, an ordinary 2026 (Jan-Dec) on a national claim line, by population
    "heldout99": (100, 30),
    # heldout100: blind AI helper; ordinary 2026 in central/western China (SC/CQ/GZ/YN/SN/GS/HA/HB/HN/GX/NM/XJ),
    # dialect words glossed
    "heldout100": (100, 30),
    # heldout101: blind AI helper; winter 2026 (Jan-Mar, Nov-Dec) in SH/JS/ZJ/AH/FJ/JX: wet/icy falls, heater burns,
    # CO, flu, strokes
    "heldout101": (100, 30),
    # heldout104: blind AI helper; an ordinary 2026 of reports typed into the web-form free-text box and WeChat
    # (typed chat, pasted half-filled forms, WeChat voice-to-text), nationwide, callers by population
    "heldout104": (100, 30),
    # heldout102: blind AI helper; elderly callers (60-85) reporting for themselves or spouses over 2026, nationwide,
    # about two thirds raw ASR transcripts (slow, repeated, self-corrected, digits one by one), rest clean speech
    "heldout102": (100, 30),
    # heldout103: blind AI helper; migrant workers and families over 2026 (sites, factories, warehouses, e-bikes,
    # lorries)
    "heldout103": (100, 30),
}

SLOTS = (
    "relation",
    "insured_name",
    "insured_id",
    "contact_phone",
    "accident_date",
    "accident_place",
    "cause",
    "diagnosis",
    "treatment",
)
RELATIONS = {"self", "spouse", "child", "parent", "other"}
CAUSES = {"illness", "accident"}
STATUSES = {"outpatient", "inpatient", "death", "none"}

PROVINCES = {
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# Administrative divisions used by the data: code -> (province, city, county-level unit or None).
REGIONS: dict[str, tuple[str, str, str | None]] = {
    "110101": ("北京市", "北京市", "东城区"),
    # added for heldout91: Jilin 船营区, Qiqihar 富拉尔基区, Yichun 伊美区, Chengde 围场满族蒙古族自治县,
    # Zhangjiakou 宣化区, Wuhai 海勃湾区 (national administrative-division codes)
    "220204": ("吉林省", "吉林市", "船营区"),
    "230206": ("黑龙江省", "齐齐哈尔市", "富拉尔基区"),
    "230717": ("黑龙江省", "伊春市", "伊美区"),
    "130828": ("河北省", "承德市", "围场满族蒙古族自治县"),
    "130705": ("河北省", "张家口市", "宣化区"),
    "150302": ("内蒙古自治区", "乌海市", "海勃湾区"),
    # added for heldout93: Meizhou 梅县区 and Longyan 永定区 (national administrative-division codes)
    "441403": ("广东省", "梅州市", "梅县区"),
    "350803": ("福建省", "龙岩市", "永定区"),
    # added for heldout92: Shantou 南澳县 (national administrative-division code)
    "440523": ("广东省", "汕头市", "南澳县"),
    # (added for heldout84) Shanghai 长宁区 and Hangzhou 临安区 (national administrative-division codes)
    "310105": ("上海市", "上海市", "长宁区"),
    "330112": ("浙江省", "杭州市", "临安区"),
    # (added for heldout86) Xuzhou 丰县 and Shanwei 海丰县 (national administrative-division codes)
    "320321": ("江苏省", "徐州市", "丰县"),
    "441521": ("广东省", "汕尾市", "海丰县"),
    # (added for heldout87) Linyi 郯城县, Zhoukou 西华县, Nanchong 营山县 (national administrative-division codes)
    "371322": ("山东省", "临沂市", "郯城县"),
    "411622": ("河南省", "周口市", "西华县"),
    "511322": ("四川省", "南充市", "营山县"),
    "110108": ("北京市", "北京市", "海淀区"),
    "120101": ("天津市", "天津市", "和平区"),
    "120104": ("天津市", "天津市", "南开区"),
    "130602": ("河北省", "保定市", "竞秀区"),
    "130709": ("河北省", "张家口市", "崇礼区"),
    "131002": ("河北省", "廊坊市", "安次区"),
    "140105": ("山西省", "太原市", "小店区"),
    "150102": ("内蒙古自治区", "呼和浩特市", "新城区"),
    "210102": ("辽宁省", "沈阳市", "和平区"),
    "220102": ("吉林省", "长春市", "南关区"),
    "230103": ("黑龙江省", "哈尔滨市", "南岗区"),
    "310104": ("上海市", "上海市", "徐汇区"),
    "320106": ("江苏省", "南京市", "鼓楼区"),
    "320211": ("江苏省", "无锡市", "滨湖区"),
    "320583": ("江苏省", "苏州市", "昆山市"),
    "330102": ("浙江省", "杭州市", "上城区"),
    "330106": ("浙江省", "杭州市", "西湖区"),
    "330108": ("浙江省", "杭州市", "滨江区"),
    "330203": ("浙江省", "宁波市", "海曙区"),
    "330782": ("浙江省", "金华市", "义乌市"),
    "341202": ("安徽省", "阜阳市", "颍州区"),
    "350203": ("福建省", "厦门市", "思明区"),
    "350582": ("福建省", "泉州市", "晋江市"),
    "360102": ("江西省", "南昌市", "东湖区"),
    "360730": ("江西省", "赣州市", "宁都县"),
    "370102": ("山东省", "济南市", "历下区"),
    "370200": ("山东省", "青岛市", None),
    "370202": ("山东省", "青岛市", "市南区"),
    "370783": ("山东省", "潍坊市", "寿光市"),
    "410105": ("河南省", "郑州市", "金水区"),
    "410303": ("河南省", "洛阳市", "西工区"),
    "420100": ("湖北省", "武汉市", None),
    "420106": ("湖北省", "武汉市", "武昌区"),
    "422802": ("湖北省", "恩施土家族苗族自治州", "利川市"),
    "430104": ("湖南省", "长沙市", "岳麓区"),
    "431102": ("湖南省", "永州市", "零陵区"),
    "440104": ("广东省", "广州市", "越秀区"),
    "440106": ("广东省", "广州市", "天河区"),
    "440304": ("广东省", "深圳市", "福田区"),
    "440305": ("广东省", "深圳市", "南山区"),
    "441900": ("广东省", "东莞市", None),
    "450103": ("广西壮族自治区", "南宁市", "青秀区"),
    "451102": ("广西壮族自治区", "贺州市", "八步区"),
    "460105": ("海南省", "海口市", "秀英区"),
    "500103": ("重庆市", "重庆市", "渝中区"),
    "500233": ("重庆市", "重庆市", "忠县"),
    "510104": ("四川省", "成都市", "锦江区"),
    "510107": ("四川省", "成都市", "武侯区"),
    "510116": ("四川省", "成都市", "双流区"),
    "511302": ("四川省", "南充市", "顺庆区"),
    "511602": ("四川省", "广安市", "广安区"),
    "520100": ("贵州省", "贵阳市", None),
    "520102": ("贵州省", "贵阳市", "南明区"),
    "530102": ("云南省", "昆明市", "五华区"),
    "532901": ("云南省", "大理白族自治州", "大理市"),
    "610113": ("陕西省", "西安市", "雁塔区"),
    "610582": ("陕西省", "渭南市", "华阴市"),
    "620502": ("甘肃省", "天水市", "秦州区"),
    "640104": ("宁夏回族自治区", "银川市", "兴庆区"),
    "650100": ("新疆维吾尔自治区", "乌鲁木齐市", None),
    "650102": ("新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
    # added for heldout2 (codes from the national administrative-division list, general knowledge)
    "110105": ("北京市", "北京市", "朝阳区"),
    "120116": ("天津市", "天津市", "滨海新区"),
    "130108": ("河北省", "石家庄市", "裕华区"),
    "140802": ("山西省", "运城市", "盐湖区"),
    "150781": ("内蒙古自治区", "呼伦贝尔市", "满洲里市"),
    "210106": ("辽宁省", "沈阳市", "铁西区"),
    "210204": ("辽宁省", "大连市", "沙河口区"),
    "220104": ("吉林省", "长春市", "朝阳区"),
    "222401": ("吉林省", "延边朝鲜族自治州", "延吉市"),
    "230102": ("黑龙江省", "哈尔滨市", "道里区"),
    "310115": ("上海市", "上海市", "浦东新区"),
    "330110": ("浙江省", "杭州市", "余杭区"),
    "330212": ("浙江省", "宁波市", "鄞州区"),
    "330902": ("浙江省", "舟山市", "定海区"),
    "340104": ("安徽省", "合肥市", "蜀山区"),
    "350102": ("福建省", "福州市", "鼓楼区"),
    "360781": ("江西省", "赣州市", "瑞金市"),
    "370212": ("山东省", "青岛市", "崂山区"),
    "371302": ("山东省", "临沂市", "兰山区"),
    "371702": ("山东省", "菏泽市", "牡丹区"),
    "411600": ("河南省", "周口市", None),
    "420502": ("湖北省", "宜昌市", "西陵区"),
    "433123": ("湖南省", "湘西土家族苗族自治州", "凤凰县"),
    "440306": ("广东省", "深圳市", "宝安区"),
    "440307": ("广东省", "深圳市", "龙岗区"),
    "440606": ("广东省", "佛山市", "顺德区"),
    "450321": ("广西壮族自治区", "桂林市", "阳朔县"),
    "460108": ("海南省", "海口市", "美兰区"),
    "460203": ("海南省", "三亚市", "吉阳区"),
    "500112": ("重庆市", "重庆市", "渝北区"),
    "510106": ("四川省", "成都市", "金牛区"),
    "520111": ("贵州省", "贵阳市", "花溪区"),
    "520302": ("贵州省", "遵义市", "红花岗区"),
    "520303": ("贵州省", "遵义市", "汇川区"),
    "532801": ("云南省", "西双版纳傣族自治州", "景洪市"),
    "540102": ("西藏自治区", "拉萨市", "城关区"),
    "610112": ("陕西省", "西安市", "未央区"),
    "620982": ("甘肃省", "酒泉市", "敦煌市"),
    "630103": ("青海省", "西宁市", "城中区"),
    "640106": ("宁夏回族自治区", "银川市", "金凤区"),
    "650103": ("新疆维吾尔自治区", "乌鲁木齐市", "沙依巴克区"),
    # added for heldout3 (codes from the national administrative-division list, general knowledge)
    "110102": ("北京市", "北京市", "西城区"),
    "110106": ("北京市", "北京市", "丰台区"),
    "110114": ("北京市", "北京市", "昌平区"),
    "130104": ("河北省", "石家庄市", "桥西区"),
    "130403": ("河北省", "邯郸市", "丛台区"),
    "140109": ("山西省", "太原市", "万柏林区"),
    "150204": ("内蒙古自治区", "包头市", "青山区"),
    "210103": ("辽宁省", "沈阳市", "沈河区"),
    "220105": ("吉林省", "长春市", "二道区"),
    "230104": ("黑龙江省", "哈尔滨市", "道外区"),
    "230602": ("黑龙江省", "大庆市", "萨尔图区"),
    "310107": ("上海市", "上海市", "普陀区"),
    "310112": ("上海市", "上海市", "闵行区"),
    "320102": ("江苏省", "南京市", "玄武区"),
    "320213": ("江苏省", "无锡市", "梁溪区"),
    "320311": ("江苏省", "徐州市", "泉山区"),
    "320506": ("江苏省", "苏州市", "吴中区"),
    "320602": ("江苏省", "南通市", "崇川区"),
    "330109": ("浙江省", "杭州市", "萧山区"),
    "330302": ("浙江省", "温州市", "鹿城区"),
    "340111": ("安徽省", "合肥市", "包河区"),
    "341002": ("安徽省", "黄山市", "屯溪区"),
    "341302": ("安徽省", "宿州市", "埇桥区"),
    "350104": ("福建省", "福州市", "仓山区"),
    "350206": ("福建省", "厦门市", "湖里区"),
    "350802": ("福建省", "龙岩市", "新罗区"),
    "360403": ("江西省", "九江市", "浔阳区"),
    "370105": ("山东省", "济南市", "天桥区"),
    "370602": ("山东省", "烟台市", "芝罘区"),
    "370902": ("山东省", "泰安市", "泰山区"),
    "371311": ("山东省", "临沂市", "罗庄区"),
    "411303": ("河南省", "南阳市", "卧龙区"),
    "420606": ("湖北省", "襄阳市", "樊城区"),
    "430105": ("湖南省", "长沙市", "开福区"),
    "430111": ("湖南省", "长沙市", "雨花区"),
    "430502": ("湖南省", "邵阳市", "双清区"),
    "430681": ("湖南省", "岳阳市", "汨罗市"),
    "431202": ("湖南省", "怀化市", "鹤城区"),
    "440105": ("广东省", "广州市", "海珠区"),
    "440111": ("广东省", "广州市", "白云区"),
    "440309": ("广东省", "深圳市", "龙华区"),
    "440507": ("广东省", "汕头市", "龙湖区"),
    "440604": ("广东省", "佛山市", "禅城区"),
    "440802": ("广东省", "湛江市", "赤坎区"),
    "445202": ("广东省", "揭阳市", "榕城区"),
    "450202": ("广西壮族自治区", "柳州市", "城中区"),
    "450502": ("广西壮族自治区", "北海市", "海城区"),
    "450503": ("广西壮族自治区", "北海市", "银海区"),
    "450902": ("广西壮族自治区", "玉林市", "玉州区"),
    "469002": ("海南省", "琼海市", None),
    "500101": ("重庆市", "重庆市", "万州区"),
    "510502": ("四川省", "泸州市", "江阳区"),
    "510703": ("四川省", "绵阳市", "涪城区"),
    "511502": ("四川省", "宜宾市", "翠屏区"),
    "513401": ("四川省", "凉山彝族自治州", "西昌市"),
    "520103": ("贵州省", "贵阳市", "云岩区"),
    "522601": ("贵州省", "黔东南苗族侗族自治州", "凯里市"),
    "530111": ("云南省", "昆明市", "官渡区"),
    "530702": ("云南省", "丽江市", "古城区"),
    "540402": ("西藏自治区", "林芝市", "巴宜区"),
    "610103": ("陕西省", "西安市", "碑林区"),
    "610602": ("陕西省", "延安市", "宝塔区"),
    "610802": ("陕西省", "榆林市", "榆阳区"),
    "620102": ("甘肃省", "兰州市", "城关区"),
    "620702": ("甘肃省", "张掖市", "甘州区"),
    "632801": ("青海省", "海西蒙古族藏族自治州", "格尔木市"),
    "640302": ("宁夏回族自治区", "吴忠市", "利通区"),
    "650104": ("新疆维吾尔自治区", "乌鲁木齐市", "新市区"),
    "653101": ("新疆维吾尔自治区", "喀什地区", "喀什市"),
    "659001": ("新疆维吾尔自治区", "石河子市", None),
    # added for heldout4 (codes from the national administrative-division list, general knowledge)
    "110107": ("北京市", "北京市", "石景山区"),
    "120103": ("天津市", "天津市", "河西区"),
    "140702": ("山西省", "晋中市", "榆次区"),
    "141002": ("山西省", "临汾市", "尧都区"),
    "150105": ("内蒙古自治区", "呼和浩特市", "赛罕区"),
    "150203": ("内蒙古自治区", "包头市", "昆都仑区"),
    "220202": ("吉林省", "吉林市", "昌邑区"),
    "230110": ("黑龙江省", "哈尔滨市", "香坊区"),
    "230203": ("黑龙江省", "齐齐哈尔市", "建华区"),
    "310110": ("上海市", "上海市", "杨浦区"),
    "320104": ("江苏省", "南京市", "秦淮区"),
    "320508": ("江苏省", "苏州市", "姑苏区"),
    "330381": ("浙江省", "温州市", "瑞安市"),
    "330602": ("浙江省", "绍兴市", "越城区"),
    "340302": ("安徽省", "蚌埠市", "龙子湖区"),
    "341502": ("安徽省", "六安市", "金安区"),
    "350602": ("福建省", "漳州市", "芗城区"),
    "360111": ("江西省", "南昌市", "青山湖区"),
    "360428": ("江西省", "九江市", "都昌县"),
    "370281": ("山东省", "青岛市", "胶州市"),
    "370811": ("山东省", "济宁市", "任城区"),
    "371502": ("山东省", "聊城市", "东昌府区"),
    "410702": ("河南省", "新乡市", "红旗区"),
    "411102": ("河南省", "漯河市", "源汇区"),
    "420102": ("湖北省", "武汉市", "江岸区"),
    "420111": ("湖北省", "武汉市", "洪山区"),
    "421002": ("湖北省", "荆州市", "沙市区"),
    "421123": ("湖北省", "黄冈市", "罗田县"),
    "430103": ("湖南省", "长沙市", "天心区"),
    "430524": ("湖南省", "邵阳市", "隆回县"),
    "430702": ("湖南省", "常德市", "武陵区"),
    "440103": ("广东省", "广州市", "荔湾区"),
    "440113": ("广东省", "广州市", "番禺区"),
    "441581": ("广东省", "汕尾市", "陆丰市"),
    "442000": ("广东省", "中山市", None),
    "450330": ("广西壮族自治区", "桂林市", "平乐县"),
    "460106": ("海南省", "海口市", "龙华区"),
    "469005": ("海南省", "文昌市", None),
    "500105": ("重庆市", "重庆市", "江北区"),
    "500106": ("重庆市", "重庆市", "沙坪坝区"),
    "500230": ("重庆市", "重庆市", "丰都县"),
    "510108": ("四川省", "成都市", "成华区"),
    "510112": ("四川省", "成都市", "龙泉驿区"),
    "511102": ("四川省", "乐山市", "市中区"),
    "511623": ("四川省", "广安市", "邻水县"),
    "520115": ("贵州省", "贵阳市", "观山湖区"),
    "520402": ("贵州省", "安顺市", "西秀区"),
    "522622": ("贵州省", "黔东南苗族侗族自治州", "黄平县"),
    "530114": ("云南省", "昆明市", "呈贡区"),
    "530302": ("云南省", "曲靖市", "麒麟区"),
    "610104": ("陕西省", "西安市", "莲湖区"),
    "610402": ("陕西省", "咸阳市", "秦都区"),
    "610528": ("陕西省", "渭南市", "富平县"),
    "620105": ("甘肃省", "兰州市", "安宁区"),
    "621102": ("甘肃省", "定西市", "安定区"),
    "621121": ("甘肃省", "定西市", "通渭县"),
    "630105": ("青海省", "西宁市", "城北区"),
    "640202": ("宁夏回族自治区", "石嘴山市", "大武口区"),
    "650105": ("新疆维吾尔自治区", "乌鲁木齐市", "水磨沟区"),
    "654027": ("新疆维吾尔自治区", "伊犁哈萨克自治州", "特克斯县"),
    # added for heldout5 (codes from the national administrative-division list, general knowledge)
    "130203": ("河北省", "唐山市", "路北区"),
    "140106": ("山西省", "太原市", "迎泽区"),
    "140213": ("山西省", "大同市", "平城区"),
    "140403": ("山西省", "长治市", "潞州区"),
    "150103": ("内蒙古自治区", "呼和浩特市", "回民区"),
    "150402": ("内蒙古自治区", "赤峰市", "红山区"),
    "150602": ("内蒙古自治区", "鄂尔多斯市", "东胜区"),
    "210211": ("辽宁省", "大连市", "甘井子区"),
    "210702": ("辽宁省", "锦州市", "古塔区"),
    "331102": ("浙江省", "丽水市", "莲都区"),
    "340202": ("安徽省", "芜湖市", "镜湖区"),
    "360203": ("江西省", "景德镇市", "珠山区"),
    "360702": ("江西省", "赣州市", "章贡区"),
    "370211": ("山东省", "青岛市", "黄岛区"),
    "370705": ("山东省", "潍坊市", "奎文区"),
    "410305": ("河南省", "洛阳市", "涧西区"),
    "411402": ("河南省", "商丘市", "梁园区"),
    "420302": ("湖北省", "十堰市", "茅箭区"),
    "430703": ("湖南省", "常德市", "鼎城区"),
    "451002": ("广西壮族自治区", "百色市", "右江区"),
    "469006": ("海南省", "万宁市", None),
    "510603": ("四川省", "德阳市", "旌阳区"),
    "520201": ("贵州省", "六盘水市", "钟山区"),
    "530112": ("云南省", "昆明市", "西山区"),
    "532301": ("云南省", "楚雄彝族自治州", "楚雄市"),
    "610302": ("陕西省", "宝鸡市", "渭滨区"),
    "620902": ("甘肃省", "酒泉市", "肃州区"),
    "630104": ("青海省", "西宁市", "城西区"),
    "630202": ("青海省", "海东市", "乐都区"),
    "640402": ("宁夏回族自治区", "固原市", "原州区"),
    "652801": ("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "库尔勒市"),
    "654002": ("新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市"),
    # added for heldout6 (codes from the national administrative-division list, general knowledge)
    "120102": ("天津市", "天津市", "河东区"),
    "130304": ("河北省", "秦皇岛市", "北戴河区"),
    "140728": ("山西省", "晋中市", "平遥县"),
    "150702": ("内蒙古自治区", "呼伦贝尔市", "海拉尔区"),
    "210213": ("辽宁省", "大连市", "金州区"),
    "230202": ("黑龙江省", "齐齐哈尔市", "龙沙区"),
    "232701": ("黑龙江省", "大兴安岭地区", "漠河市"),
    "310113": ("上海市", "上海市", "宝山区"),
    "320105": ("江苏省", "南京市", "建邺区"),
    "330105": ("浙江省", "杭州市", "拱墅区"),
    "341023": ("安徽省", "黄山市", "黟县"),
    "371082": ("山东省", "威海市", "荣成市"),
    "410782": ("河南省", "新乡市", "辉县市"),
    "411624": ("河南省", "周口市", "沈丘县"),
    "411625": ("河南省", "周口市", "郸城县"),
    "420115": ("湖北省", "武汉市", "江夏区"),
    "420527": ("湖北省", "宜昌市", "秭归县"),
    "430202": ("湖南省", "株洲市", "荷塘区"),
    "433101": ("湖南省", "湘西土家族苗族自治州", "吉首市"),
    "450921": ("广西壮族自治区", "玉林市", "容县"),
    "460202": ("海南省", "三亚市", "海棠区"),
    "510302": ("四川省", "自贡市", "自流井区"),
    "511181": ("四川省", "乐山市", "峨眉山市"),
    "513225": ("四川省", "阿坝藏族羌族自治州", "九寨沟县"),
    "522634": ("贵州省", "黔东南苗族侗族自治州", "雷山县"),
    "532503": ("云南省", "红河哈尼族彝族自治州", "蒙自市"),
    "540202": ("西藏自治区", "日喀则市", "桑珠孜区"),
    "620723": ("甘肃省", "张掖市", "临泽县"),
    "632521": ("青海省", "海南藏族自治州", "共和县"),
    "640105": ("宁夏回族自治区", "银川市", "西夏区"),
    # added for heldout7 (codes from the national administrative-division list, general knowledge)
    "120105": ("天津市", "天津市", "河北区"),
    "130283": ("河北省", "唐山市", "迁安市"),
    "130681": ("河北省", "保定市", "涿州市"),
    "130802": ("河北省", "承德市", "双桥区"),
    "130903": ("河北省", "沧州市", "运河区"),
    "140502": ("山西省", "晋城市", "城区"),
    "140602": ("山西省", "朔州市", "朔城区"),
    "141182": ("山西省", "吕梁市", "汾阳市"),
    "152502": ("内蒙古自治区", "锡林郭勒盟", "锡林浩特市"),
    "210112": ("辽宁省", "沈阳市", "浑南区"),
    "210402": ("辽宁省", "抚顺市", "新抚区"),
    "220322": ("吉林省", "四平市", "梨树县"),
    "220721": ("吉林省", "松原市", "前郭尔罗斯蒙古族自治县"),
    "230109": ("黑龙江省", "哈尔滨市", "松北区"),
    "231083": ("黑龙江省", "牡丹江市", "海林市"),
    "310109": ("上海市", "上海市", "虹口区"),
    "320113": ("江苏省", "南京市", "栖霞区"),
    "320115": ("江苏省", "南京市", "江宁区"),
    "320509": ("江苏省", "苏州市", "吴江区"),
    "320812": ("江苏省", "淮安市", "清江浦区"),
    "320981": ("江苏省", "盐城市", "东台市"),
    "321182": ("江苏省", "镇江市", "扬中市"),
    "321302": ("江苏省", "宿迁市", "宿城区"),
    "330113": ("浙江省", "杭州市", "临平区"),
    "330206": ("浙江省", "宁波市", "北仑区"),
    "330402": ("浙江省", "嘉兴市", "南湖区"),
    "330411": ("浙江省", "嘉兴市", "秀洲区"),
    "330502": ("浙江省", "湖州市", "吴兴区"),
    "330603": ("浙江省", "绍兴市", "柯桥区"),
    "331082": ("浙江省", "台州市", "临海市"),
    "340207": ("安徽省", "芜湖市", "鸠江区"),
    "340403": ("安徽省", "淮南市", "田家庵区"),
    "341221": ("安徽省", "阜阳市", "临泉县"),
    # added for heldout44 (national administrative-division list, general knowledge)
    "341222": ("安徽省", "阜阳市", "太和县"),
    "341602": ("安徽省", "亳州市", "谯城区"),
    "350211": ("福建省", "厦门市", "集美区"),
    "350322": ("福建省", "莆田市", "仙游县"),
    "350526": ("福建省", "泉州市", "德化县"),
    "350603": ("福建省", "漳州市", "龙文区"),
    "360113": ("江西省", "南昌市", "红谷滩区"),
    "360402": ("江西省", "九江市", "濂溪区"),
    "360502": ("江西省", "新余市", "渝水区"),
    "360902": ("江西省", "宜春市", "袁州区"),
    "361130": ("江西省", "上饶市", "婺源县"),
    "370303": ("山东省", "淄博市", "张店区"),
    "370502": ("山东省", "东营市", "东营区"),
    "370883": ("山东省", "济宁市", "邹城市"),
    "410302": ("河南省", "洛阳市", "老城区"),
    "410781": ("河南省", "新乡市", "卫辉市"),
    "411522": ("河南省", "信阳市", "光山县"),
    "411722": ("河南省", "驻马店市", "上蔡县"),
    "420103": ("湖北省", "武汉市", "江汉区"),
    "420303": ("湖北省", "十堰市", "张湾区"),
    "420802": ("湖北省", "荆门市", "东宝区"),
    "420902": ("湖北省", "孝感市", "孝南区"),
    "422823": ("湖北省", "恩施土家族苗族自治州", "巴东县"),
    "430102": ("湖南省", "长沙市", "芙蓉区"),
    "430422": ("湖南省", "衡阳市", "衡南县"),
    "430802": ("湖南省", "张家界市", "永定区"),
    "430902": ("湖南省", "益阳市", "资阳区"),
    "431322": ("湖南省", "娄底市", "新化县"),
    "440402": ("广东省", "珠海市", "香洲区"),
    "440605": ("广东省", "佛山市", "南海区"),
    "440705": ("广东省", "江门市", "新会区"),
    "440902": ("广东省", "茂名市", "茂南区"),
    "440981": ("广东省", "茂名市", "高州市"),
    "450107": ("广西壮族自治区", "南宁市", "西乡塘区"),
    "450204": ("广西壮族自治区", "柳州市", "柳南区"),
    "451228": ("广西壮族自治区", "河池市", "都安瑶族自治县"),
    "451421": ("广西壮族自治区", "崇左市", "扶绥县"),
    "460107": ("海南省", "海口市", "琼山区"),
    "500107": ("重庆市", "重庆市", "九龙坡区"),
    "500156": ("重庆市", "重庆市", "武隆区"),
    "510115": ("四川省", "成都市", "温江区"),
    "511323": ("四川省", "南充市", "蓬安县"),
    "511402": ("四川省", "眉山市", "东坡区"),
    "511503": ("四川省", "宜宾市", "南溪区"),
    "511702": ("四川省", "达州市", "通川区"),
    "520525": ("贵州省", "毕节市", "纳雍县"),
    "530627": ("云南省", "昭通市", "镇雄县"),
    "540502": ("西藏自治区", "山南市", "乃东区"),
    "610629": ("陕西省", "延安市", "洛川县"),
    "610722": ("陕西省", "汉中市", "城固县"),
    "620826": ("甘肃省", "平凉市", "静宁县"),
    "623024": ("甘肃省", "甘南藏族自治州", "迭部县"),
    "630223": ("青海省", "海东市", "互助土族自治县"),
    "640422": ("宁夏回族自治区", "固原市", "西吉县"),
    "640502": ("宁夏回族自治区", "中卫市", "沙坡头区"),
    "650109": ("新疆维吾尔自治区", "乌鲁木齐市", "米东区"),
    "650502": ("新疆维吾尔自治区", "哈密市", "伊州区"),
    "654321": ("新疆维吾尔自治区", "阿勒泰地区", "布尔津县"),
    # added for heldout8 (codes from the national administrative-division list, general knowledge)
    "110112": ("北京市", "北京市", "通州区"),
    "110118": ("北京市", "北京市", "密云区"),
    "110119": ("北京市", "北京市", "延庆区"),
    "120118": ("天津市", "天津市", "静海区"),
    "120119": ("天津市", "天津市", "蓟州区"),
    "130209": ("河北省", "唐山市", "曹妃甸区"),
    "130303": ("河北省", "秦皇岛市", "山海关区"),
    "130481": ("河北省", "邯郸市", "武安市"),
    "130632": ("河北省", "保定市", "安新县"),
    "131082": ("河北省", "廊坊市", "三河市"),
    "140922": ("山西省", "忻州市", "五台县"),
    "141181": ("山西省", "吕梁市", "孝义市"),
    "150627": ("内蒙古自治区", "鄂尔多斯市", "伊金霍洛旗"),
    "150784": ("内蒙古自治区", "呼伦贝尔市", "额尔古纳市"),
    "210283": ("辽宁省", "大连市", "庄河市"),
    "210381": ("辽宁省", "鞍山市", "海城市"),
    "211481": ("辽宁省", "葫芦岛市", "兴城市"),
    "220581": ("吉林省", "通化市", "梅河口市"),
    "220582": ("吉林省", "通化市", "集安市"),
    "222404": ("吉林省", "延边朝鲜族自治州", "珲春市"),
    "230883": ("黑龙江省", "佳木斯市", "抚远市"),
    "310106": ("上海市", "上海市", "静安区"),
    "310117": ("上海市", "上海市", "松江区"),
    "320116": ("江苏省", "南京市", "六合区"),
    "320282": ("江苏省", "无锡市", "宜兴市"),
    "320382": ("江苏省", "徐州市", "邳州市"),
    "320582": ("江苏省", "苏州市", "张家港市"),
    "320707": ("江苏省", "连云港市", "赣榆区"),
    "321084": ("江苏省", "扬州市", "高邮市"),
    "321281": ("江苏省", "泰州市", "兴化市"),
    "330127": ("浙江省", "杭州市", "淳安县"),
    "330382": ("浙江省", "温州市", "乐清市"),
    "330523": ("浙江省", "湖州市", "安吉县"),
    "330783": ("浙江省", "金华市", "东阳市"),
    "331081": ("浙江省", "台州市", "温岭市"),
    "340123": ("安徽省", "合肥市", "肥西县"),
    "340181": ("安徽省", "合肥市", "巢湖市"),
    "340603": ("安徽省", "淮北市", "相山区"),
    "340881": ("安徽省", "安庆市", "桐城市"),
    "341021": ("安徽省", "黄山市", "歙县"),
    "350524": ("福建省", "泉州市", "安溪县"),
    "350982": ("福建省", "宁德市", "福鼎市"),
    "360681": ("江西省", "鹰潭市", "贵溪市"),
    "360981": ("江西省", "宜春市", "丰城市"),
    "361128": ("江西省", "上饶市", "鄱阳县"),
    "370481": ("山东省", "枣庄市", "滕州市"),
    "370781": ("山东省", "潍坊市", "青州市"),
    "370881": ("山东省", "济宁市", "曲阜市"),
    "371083": ("山东省", "威海市", "乳山市"),
    "371721": ("山东省", "菏泽市", "曹县"),
    "410225": ("河南省", "开封市", "兰考县"),
    "410581": ("河南省", "安阳市", "林州市"),
    "411282": ("河南省", "三门峡市", "灵宝市"),
    "411628": ("河南省", "周口市", "鹿邑县"),
    "420105": ("湖北省", "武汉市", "汉阳区"),
    "420116": ("湖北省", "武汉市", "黄陂区"),
    "420506": ("湖北省", "宜昌市", "夷陵区"),
    "421181": ("湖北省", "黄冈市", "麻城市"),
    "421281": ("湖北省", "咸宁市", "赤壁市"),
    "429021": ("湖北省", "神农架林区", None),
    "430181": ("湖南省", "长沙市", "浏阳市"),
    "430382": ("湖南省", "湘潭市", "韶山市"),
    "440781": ("广东省", "江门市", "台山市"),
    "441481": ("广东省", "梅州市", "兴宁市"),
    "445281": ("广东省", "揭阳市", "普宁市"),
    "450110": ("广西壮族自治区", "南宁市", "武鸣区"),
    "450226": ("广西壮族自治区", "柳州市", "三江侗族自治县"),
    "450681": ("广西壮族自治区", "防城港市", "东兴市"),
    "460205": ("海南省", "三亚市", "崖州区"),
    "469023": ("海南省", "澄迈县", None),
    "469028": ("海南省", "陵水黎族自治县", None),
    "500108": ("重庆市", "重庆市", "南岸区"),
    "500236": ("重庆市", "重庆市", "奉节县"),
    "500235": ("重庆市", "重庆市", "云阳县"),  # added for heldout103 (national administrative-division code)
    "500242": ("重庆市", "重庆市", "酉阳土家族苗族自治县"),
    "510181": ("四川省", "成都市", "都江堰市"),
    "511381": ("四川省", "南充市", "阆中市"),
    "511725": ("四川省", "达州市", "渠县"),
    "513221": ("四川省", "阿坝藏族羌族自治州", "汶川县"),
    "513301": ("四川省", "甘孜藏族自治州", "康定市"),
    "513337": ("四川省", "甘孜藏族自治州", "稻城县"),
    "520382": ("贵州省", "遵义市", "仁怀市"),
    "522301": ("贵州省", "黔西南布依族苗族自治州", "兴义市"),
    "522633": ("贵州省", "黔东南苗族侗族自治州", "从江县"),
    "522722": ("贵州省", "黔南布依族苗族自治州", "荔波县"),
    "530581": ("云南省", "保山市", "腾冲市"),
    "532524": ("云南省", "红河哈尼族彝族自治州", "建水县"),
    "533401": ("云南省", "迪庆藏族自治州", "香格里拉市"),
    "540122": ("西藏自治区", "拉萨市", "当雄县"),
    "540302": ("西藏自治区", "昌都市", "卡若区"),
    "610581": ("陕西省", "渭南市", "韩城市"),
    "621202": ("甘肃省", "陇南市", "武都区"),
    "622901": ("甘肃省", "临夏回族自治州", "临夏市"),
    "623027": ("甘肃省", "甘南藏族自治州", "夏河县"),
    "632221": ("青海省", "海北藏族自治州", "门源回族自治县"),
    "632701": ("青海省", "玉树藏族自治州", "玉树市"),
    "640122": ("宁夏回族自治区", "银川市", "贺兰县"),
    "650421": ("新疆维吾尔自治区", "吐鲁番市", "鄯善县"),
    "652302": ("新疆维吾尔自治区", "昌吉回族自治州", "阜康市"),
    "653201": ("新疆维吾尔自治区", "和田地区", "和田市"),
    "654322": ("新疆维吾尔自治区", "阿勒泰地区", "富蕴县"),
    # added for heldout10 (codes from the national administrative-division list, general knowledge)
    "110111": ("北京市", "北京市", "房山区"),
    "120114": ("天津市", "天津市", "武清区"),
    "310151": ("上海市", "上海市", "崇明区"),
    "320830": ("江苏省", "淮安市", "盱眙县"),
    "131102": ("河北省", "衡水市", "桃城区"),
    "140302": ("山西省", "阳泉市", "城区"),
    "140882": ("山西省", "运城市", "河津市"),
    "140902": ("山西省", "忻州市", "忻府区"),
    "141102": ("山西省", "吕梁市", "离石区"),
    "150221": ("内蒙古自治区", "包头市", "土默特右旗"),
    "150902": ("内蒙古自治区", "乌兰察布市", "集宁区"),
    "152201": ("内蒙古自治区", "兴安盟", "乌兰浩特市"),
    "211002": ("辽宁省", "辽阳市", "白塔区"),
    "220702": ("吉林省", "松原市", "宁江区"),
    "220802": ("吉林省", "白城市", "洮北区"),
    "222403": ("吉林省", "延边朝鲜族自治州", "敦化市"),
    "230183": ("黑龙江省", "哈尔滨市", "尚志市"),
    "230184": ("黑龙江省", "哈尔滨市", "五常市"),
    "230281": ("黑龙江省", "齐齐哈尔市", "讷河市"),
    "230382": ("黑龙江省", "鸡西市", "密山市"),
    "230521": ("黑龙江省", "双鸭山市", "集贤县"),
    "231182": ("黑龙江省", "黑河市", "五大连池市"),
    "231283": ("黑龙江省", "绥化市", "海伦市"),
    "331002": ("浙江省", "台州市", "椒江区"),
    "340503": ("安徽省", "马鞍山市", "花山区"),
    "341702": ("安徽省", "池州市", "贵池区"),
    "350781": ("福建省", "南平市", "邵武市"),
    "360302": ("江西省", "萍乡市", "安源区"),
    "360722": ("江西省", "赣州市", "信丰县"),
    "360802": ("江西省", "吉安市", "吉州区"),
    "361002": ("江西省", "抚州市", "临川区"),
    "371402": ("山东省", "德州市", "德城区"),
    "371602": ("山东省", "滨州市", "滨城区"),
    "410902": ("河南省", "濮阳市", "华龙区"),
    "411502": ("河南省", "信阳市", "浉河区"),
    "411721": ("河南省", "驻马店市", "西平县"),
    "420881": ("湖北省", "荆门市", "钟祥市"),
    "421302": ("湖北省", "随州市", "曾都区"),
    "430921": ("湖南省", "益阳市", "南县"),
    "441202": ("广东省", "肇庆市", "端州区"),
    "441402": ("广东省", "梅州市", "梅江区"),
    "450325": ("广西壮族自治区", "桂林市", "兴安县"),
    "450422": ("广西壮族自治区", "梧州市", "藤县"),
    "450702": ("广西壮族自治区", "钦州市", "钦南区"),
    "450802": ("广西壮族自治区", "贵港市", "港北区"),
    "450881": ("广西壮族自治区", "贵港市", "桂平市"),
    "451202": ("广西壮族自治区", "河池市", "金城江区"),
    "451402": ("广西壮族自治区", "崇左市", "江州区"),
    "460400": ("海南省", "儋州市", None),
    "469007": ("海南省", "东方市", None),
    "469024": ("海南省", "临高县", None),
    "500110": ("重庆市", "重庆市", "綦江区"),
    "500117": ("重庆市", "重庆市", "合川区"),
    "500240": ("重庆市", "重庆市", "石柱土家族自治县"),
    "511802": ("四川省", "雅安市", "雨城区"),
    "511902": ("四川省", "巴中市", "巴州区"),
    "520602": ("贵州省", "铜仁市", "碧江区"),
    "522701": ("贵州省", "黔南布依族苗族自治州", "都匀市"),
    "530402": ("云南省", "玉溪市", "红塔区"),
    "530602": ("云南省", "昭通市", "昭阳区"),
    "530802": ("云南省", "普洱市", "思茅区"),
    "532601": ("云南省", "文山壮族苗族自治州", "文山市"),
    "533103": ("云南省", "德宏傣族景颇族自治州", "芒市"),
    "540602": ("西藏自治区", "那曲市", "色尼区"),
    "610902": ("陕西省", "安康市", "汉滨区"),
    "611002": ("陕西省", "商洛市", "商州区"),
    "620402": ("甘肃省", "白银市", "白银区"),
    "620602": ("甘肃省", "武威市", "凉州区"),
    "621002": ("甘肃省", "庆阳市", "西峰区"),
    "630121": ("青海省", "西宁市", "大通回族土族自治县"),
    "630203": ("青海省", "海东市", "平安区"),
    "632802": ("青海省", "海西蒙古族藏族自治州", "德令哈市"),
    "640381": ("宁夏回族自治区", "吴忠市", "青铜峡市"),
    "640521": ("宁夏回族自治区", "中卫市", "中宁县"),
    "652301": ("新疆维吾尔自治区", "昌吉回族自治州", "昌吉市"),
    "652901": ("新疆维吾尔自治区", "阿克苏地区", "阿克苏市"),
    "654202": ("新疆维吾尔自治区", "塔城地区", "乌苏市"),
    "654301": ("新疆维吾尔自治区", "阿勒泰地区", "阿勒泰市"),
    # added for heldout11 (prefecture-level city without a district, like 370200)
    "130500": ("河北省", "邢台市", None),
    # added for heldout12 (codes from the national administrative-division list, general knowledge)
    "110113": ("北京市", "北京市", "顺义区"),
    "110115": ("北京市", "北京市", "大兴区"),
    "120110": ("天津市", "天津市", "东丽区"),
    "130102": ("河北省", "石家庄市", "长安区"),
    "130702": ("河北省", "张家口市", "桥东区"),
    "140107": ("山西省", "太原市", "杏花岭区"),
    "150202": ("内蒙古自治区", "包头市", "东河区"),
    "210802": ("辽宁省", "营口市", "站前区"),
    "220106": ("吉林省", "长春市", "绿园区"),
    "230111": ("黑龙江省", "哈尔滨市", "呼兰区"),
    "231002": ("黑龙江省", "牡丹江市", "东安区"),
    "310114": ("上海市", "上海市", "嘉定区"),
    "320111": ("江苏省", "南京市", "浦口区"),
    "320402": ("江苏省", "常州市", "天宁区"),
    "330111": ("浙江省", "杭州市", "富阳区"),
    "340102": ("安徽省", "合肥市", "瑶海区"),
    "350111": ("福建省", "福州市", "晋安区"),
    "370305": ("山东省", "淄博市", "临淄区"),
    "371102": ("山东省", "日照市", "东港区"),
    "410102": ("河南省", "郑州市", "中原区"),
    "410402": ("河南省", "平顶山市", "新华区"),
    "420202": ("湖北省", "黄石市", "黄石港区"),
    "430408": ("湖南省", "衡阳市", "蒸湘区"),
    "441302": ("广东省", "惠州市", "惠城区"),
    "441802": ("广东省", "清远市", "清城区"),
    "450105": ("广西壮族自治区", "南宁市", "江南区"),
    "500102": ("重庆市", "重庆市", "涪陵区"),
    "500113": ("重庆市", "重庆市", "巴南区"),
    "500118": ("重庆市", "重庆市", "永川区"),
    "510114": ("四川省", "成都市", "新都区"),
    "510903": ("四川省", "遂宁市", "船山区"),
    "511002": ("四川省", "内江市", "市中区"),
    "530103": ("云南省", "昆明市", "盘龙区"),
    "610111": ("陕西省", "西安市", "灞桥区"),
    "610116": ("陕西省", "西安市", "长安区"),
    "620103": ("甘肃省", "兰州市", "七里河区"),
    "650203": ("新疆维吾尔自治区", "克拉玛依市", "克拉玛依区"),
    "330702": ("浙江省", "金华市", "婺城区"),
    "330802": ("浙江省", "衢州市", "柯城区"),
    "350304": ("福建省", "莆田市", "荔城区"),
    "350503": ("福建省", "泉州市", "丰泽区"),
    "360202": ("江西省", "景德镇市", "昌江区"),
    "420602": ("湖北省", "襄阳市", "襄城区"),
    "430407": ("湖南省", "衡阳市", "石鼓区"),
    "430602": ("湖南省", "岳阳市", "岳阳楼区"),
    "440511": ("广东省", "汕头市", "金平区"),
    "441803": ("广东省", "清远市", "清新区"),
    "450305": ("广西壮族自治区", "桂林市", "七星区"),
    "450403": ("广西壮族自治区", "梧州市", "万秀区"),
    "510402": ("四川省", "攀枝花市", "东区"),
    "520502": ("贵州省", "毕节市", "七星关区"),
    # added for heldout14 (codes from the national administrative-division list, general knowledge)
    "110109": ("北京市", "北京市", "门头沟区"),
    "120111": ("天津市", "天津市", "西青区"),
    "120113": ("天津市", "天津市", "北辰区"),
    "130105": ("河北省", "石家庄市", "新华区"),
    "130302": ("河北省", "秦皇岛市", "海港区"),
    "130623": ("河北省", "保定市", "涞水县"),
    "130629": ("河北省", "保定市", "容城县"),
    "130826": ("河北省", "承德市", "丰宁满族自治县"),
    "130921": ("河北省", "沧州市", "沧县"),
    "130984": ("河北省", "沧州市", "河间市"),
    "140521": ("山西省", "晋城市", "沁水县"),
    "140703": ("山西省", "晋中市", "太谷区"),
    "150207": ("内蒙古自治区", "包头市", "九原区"),
    "150502": ("内蒙古自治区", "通辽市", "科尔沁区"),
    "150624": ("内蒙古自治区", "鄂尔多斯市", "鄂托克旗"),
    "152530": ("内蒙古自治区", "锡林郭勒盟", "正蓝旗"),
    "210105": ("辽宁省", "沈阳市", "皇姑区"),
    "210311": ("辽宁省", "鞍山市", "千山区"),
    "211302": ("辽宁省", "朝阳市", "双塔区"),
    "211421": ("辽宁省", "葫芦岛市", "绥中县"),
    "220103": ("吉林省", "长春市", "宽城区"),
    "220221": ("吉林省", "吉林市", "永吉县"),
    "220523": ("吉林省", "通化市", "辉南县"),
    "220621": ("吉林省", "白山市", "抚松县"),
    "230112": ("黑龙江省", "哈尔滨市", "阿城区"),
    "230229": ("黑龙江省", "齐齐哈尔市", "克山县"),
    "230622": ("黑龙江省", "大庆市", "肇源县"),
    "230624": ("黑龙江省", "大庆市", "杜尔伯特蒙古族自治县"),
    "370112": ("山东省", "济南市", "历城区"),
    "370283": ("山东省", "青岛市", "平度市"),
    "370614": ("山东省", "烟台市", "蓬莱区"),
    "370686": ("山东省", "烟台市", "栖霞市"),
    "370724": ("山东省", "潍坊市", "临朐县"),
    "370982": ("山东省", "泰安市", "新泰市"),
    "371522": ("山东省", "聊城市", "莘县"),
    "371725": ("山东省", "菏泽市", "郓城县"),
    "410104": ("河南省", "郑州市", "管城回族区"),
    "410122": ("河南省", "郑州市", "中牟县"),
    "410526": ("河南省", "安阳市", "滑县"),
    "410727": ("河南省", "新乡市", "封丘县"),
    "411422": ("河南省", "商丘市", "睢县"),
    "411623": ("河南省", "周口市", "商水县"),
    "610323": ("陕西省", "宝鸡市", "岐山县"),
    "610526": ("陕西省", "渭南市", "蒲城县"),
    "610628": ("陕西省", "延安市", "富县"),
    "610803": ("陕西省", "榆林市", "横山区"),
    "620523": ("甘肃省", "天水市", "甘谷县"),
    "620802": ("甘肃省", "平凉市", "崆峒区"),
    "620922": ("甘肃省", "酒泉市", "瓜州县"),
    "621122": ("甘肃省", "定西市", "陇西县"),
    "630102": ("青海省", "西宁市", "城东区"),
    "632224": ("青海省", "海北藏族自治州", "刚察县"),
    "640121": ("宁夏回族自治区", "银川市", "永宁县"),
    "640303": ("宁夏回族自治区", "吴忠市", "红寺堡区"),
    # added for heldout15 (national administrative-division codes)
    "320412": ("江苏省", "常州市", "武进区"),
    "320507": ("江苏省", "苏州市", "相城区"),
    "320612": ("江苏省", "南通市", "通州区"),
    "330522": ("浙江省", "湖州市", "长兴县"),
    "340121": ("安徽省", "合肥市", "长丰县"),
    "340122": ("安徽省", "合肥市", "肥东县"),
    "350181": ("福建省", "福州市", "福清市"),
    "350502": ("福建省", "泉州市", "鲤城区"),
    "350583": ("福建省", "泉州市", "南安市"),
    "350702": ("福建省", "南平市", "延平区"),
    "360121": ("江西省", "南昌市", "南昌县"),
    "360281": ("江西省", "景德镇市", "乐平市"),
    "410103": ("河南省", "郑州市", "二七区"),
    "410311": ("河南省", "洛阳市", "洛龙区"),
    "411381": ("河南省", "南阳市", "邓州市"),
    "411524": ("河南省", "信阳市", "商城县"),
    "411681": ("河南省", "周口市", "项城市"),
    "421087": ("湖北省", "荆州市", "松滋市"),
    "430211": ("湖南省", "株洲市", "天元区"),
    "430302": ("湖南省", "湘潭市", "雨湖区"),
    "430626": ("湖南省", "岳阳市", "平江县"),
    "431002": ("湖南省", "郴州市", "北湖区"),
    # (added for heldout16) south-western / southern counties and districts
    "360424": ("江西省", "九江市", "修水县"),
    "360731": ("江西省", "赣州市", "于都县"),
    "433130": ("湖南省", "湘西土家族苗族自治州", "龙山县"),
    "440114": ("广东省", "广州市", "花都区"),
    "440825": ("广东省", "湛江市", "徐闻县"),
    "440883": ("广东省", "湛江市", "吴川市"),
    # added for heldout97: Zhanjiang 廉江市 (national administrative-division code)
    "440881": ("广东省", "湛江市", "廉江市"),
    "441424": ("广东省", "梅州市", "五华县"),
    "445102": ("广东省", "潮州市", "湘桥区"),
    "450123": ("广西壮族自治区", "南宁市", "隆安县"),
    "450125": ("广西壮族自治区", "南宁市", "上林县"),
    "450332": ("广西壮族自治区", "桂林市", "恭城瑶族自治县"),
    "451203": ("广西壮族自治区", "河池市", "宜州区"),
    "469001": ("海南省", "五指山市", None),
    "500109": ("重庆市", "重庆市", "北碚区"),
    "500154": ("重庆市", "重庆市", "开州区"),
    "500229": ("重庆市", "重庆市", "城口县"),
    "510411": ("四川省", "攀枝花市", "仁和区"),
    "510521": ("四川省", "泸州市", "泸县"),
    "511321": ("四川省", "南充市", "南部县"),
    "511504": ("四川省", "宜宾市", "叙州区"),
    "520121": ("贵州省", "贵阳市", "开阳县"),
    "520123": ("贵州省", "贵阳市", "修文县"),
    "520281": ("贵州省", "六盘水市", "盘州市"),
    "520521": ("贵州省", "毕节市", "大方县"),
    "530381": ("云南省", "曲靖市", "宣威市"),
    "530423": ("云南省", "玉溪市", "通海县"),
    "530821": ("云南省", "普洱市", "宁洱哈尼族彝族自治县"),
    # added for heldout17 (national administrative-division codes, from memory)
    "130204": ("河北省", "唐山市", "古冶区"),
    "140110": ("山西省", "太原市", "晋源区"),
    "140214": ("山西省", "大同市", "云冈区"),
    "150404": ("内蒙古自治区", "赤峰市", "松山区"),
    "210502": ("辽宁省", "本溪市", "平山区"),
    "210603": ("辽宁省", "丹东市", "振兴区"),
    "210804": ("辽宁省", "营口市", "鲅鱼圈区"),
    "210902": ("辽宁省", "阜新市", "海州区"),
    "220182": ("吉林省", "长春市", "榆树市"),
    "370203": ("山东省", "青岛市", "市北区"),
    "370611": ("山东省", "烟台市", "福山区"),
    "371321": ("山东省", "临沂市", "沂南县"),
    "610881": ("陕西省", "榆林市", "神木市"),
    # added for heldout21 (national administrative-division code, from memory)
    "150603": ("内蒙古自治区", "鄂尔多斯市", "康巴什区"),
    # added for heldout19 (national administrative-division codes, from memory)
    "310116": ("上海市", "上海市", "金山区"),
    "320581": ("江苏省", "苏州市", "常熟市"),
    "321102": ("江苏省", "镇江市", "京口区"),
    "330225": ("浙江省", "宁波市", "象山县"),
    "330903": ("浙江省", "舟山市", "普陀区"),
    "330921": ("浙江省", "舟山市", "岱山县"),
    "340103": ("安徽省", "合肥市", "庐阳区"),
    "341003": ("安徽省", "黄山市", "黄山区"),
    "350122": ("福建省", "福州市", "连江县"),
    "350205": ("福建省", "厦门市", "海沧区"),
    "350521": ("福建省", "泉州市", "惠安县"),
    "350581": ("福建省", "泉州市", "石狮市"),
    "371002": ("山东省", "威海市", "环翠区"),
    # added for heldout20 (national administrative-division codes, from memory)
    "513322": ("四川省", "甘孜藏族自治州", "泸定县"),
    "513429": ("四川省", "凉山彝族自治州", "布拖县"),
    "513431": ("四川省", "凉山彝族自治州", "昭觉县"),
    "520203": ("贵州省", "六盘水市", "六枝特区"),
    "520328": ("贵州省", "遵义市", "湄潭县"),
    "522325": ("贵州省", "黔西南布依族苗族自治州", "贞丰县"),
    "530621": ("云南省", "昭通市", "鲁甸县"),
    "532822": ("云南省", "西双版纳傣族自治州", "勐海县"),
    "532922": ("云南省", "大理白族自治州", "漾濞彝族自治县"),
    "540326": ("西藏自治区", "昌都市", "八宿县"),
    "540624": ("西藏自治区", "那曲市", "安多县"),
    "610503": ("陕西省", "渭南市", "华州区"),
    "623025": ("甘肃省", "甘南藏族自治州", "玛曲县"),
    "630106": ("青海省", "西宁市", "湟中区"),
    "632722": ("青海省", "玉树藏族自治州", "杂多县"),
    "632821": ("青海省", "海西蒙古族藏族自治州", "乌兰县"),
    "640424": ("宁夏回族自治区", "固原市", "泾源县"),
    "650121": ("新疆维吾尔自治区", "乌鲁木齐市", "乌鲁木齐县"),
    "653129": ("新疆维吾尔自治区", "喀什地区", "伽师县"),
    "654025": ("新疆维吾尔自治区", "伊犁哈萨克自治州", "新源县"),
    # added for heldout18 (national administrative-division codes, from memory)
    "360732": ("江西省", "赣州市", "兴国县"),
    "360734": ("江西省", "赣州市", "寻乌县"),
    "360881": ("江西省", "吉安市", "井冈山市"),
    "361127": ("江西省", "上饶市", "余干县"),
    "410482": ("河南省", "平顶山市", "汝州市"),
    "410922": ("河南省", "濮阳市", "清丰县"),
    "411081": ("河南省", "许昌市", "禹州市"),
    "411323": ("河南省", "南阳市", "西峡县"),
    "411481": ("河南省", "商丘市", "永城市"),
    "411523": ("河南省", "信阳市", "新县"),
    "420683": ("湖北省", "襄阳市", "枣阳市"),
    "420984": ("湖北省", "孝感市", "汉川市"),
    "421083": ("湖北省", "荆州市", "洪湖市"),
    "421126": ("湖北省", "黄冈市", "蕲春县"),
    "421222": ("湖北省", "咸宁市", "通城县"),
    "422825": ("湖北省", "恩施土家族苗族自治州", "宣恩县"),
    "429005": ("湖北省", "潜江市", None),
    "430281": ("湖南省", "株洲市", "醴陵市"),
    "430481": ("湖南省", "衡阳市", "耒阳市"),
    "430723": ("湖南省", "常德市", "澧县"),
    "430725": ("湖南省", "常德市", "桃源县"),
    "430923": ("湖南省", "益阳市", "安化县"),
    "431222": ("湖南省", "怀化市", "沅陵县"),
    "431226": ("湖南省", "怀化市", "麻阳苗族自治县"),
    "450225": ("广西壮族自治区", "柳州市", "融水苗族自治县"),
    "450381": ("广西壮族自治区", "桂林市", "荔浦市"),
    "450521": ("广西壮族自治区", "北海市", "合浦县"),
    "450721": ("广西壮族自治区", "钦州市", "灵山县"),
    "450922": ("广西壮族自治区", "玉林市", "陆川县"),
    "450981": ("广西壮族自治区", "玉林市", "北流市"),
    "451022": ("广西壮族自治区", "百色市", "田东县"),
    "451227": ("广西壮族自治区", "河池市", "巴马瑶族自治县"),
    "460204": ("海南省", "三亚市", "天涯区"),
    "469022": ("海南省", "屯昌县", None),
    "469027": ("海南省", "乐东黎族自治县", None),
    "500116": ("重庆市", "重庆市", "江津区"),
    # (added for heldout22) southern counties and districts (Guangdong, Fujian, Guangxi, Jiangxi)
    "440115": ("广东省", "广州市", "南沙区"),
    "440513": ("广东省", "汕头市", "潮阳区"),
    "440515": ("广东省", "汕头市", "澄海区"),
    "440607": ("广东省", "佛山市", "三水区"),
    "440882": ("广东省", "湛江市", "雷州市"),
    "441303": ("广东省", "惠州市", "惠阳区"),
    "441322": ("广东省", "惠州市", "博罗县"),
    "441622": ("广东省", "河源市", "龙川县"),
    "441781": ("广东省", "阳江市", "阳春市"),
    "445122": ("广东省", "潮州市", "饶平县"),
    "350128": ("福建省", "福州市", "平潭县"),
    "350623": ("福建省", "漳州市", "漳浦县"),
    "350902": ("福建省", "宁德市", "蕉城区"),
    "350921": ("福建省", "宁德市", "霞浦县"),
    "450126": ("广西壮族自治区", "南宁市", "宾阳县"),
    "450304": ("广西壮族自治区", "桂林市", "象山区"),
    "450923": ("广西壮族自治区", "玉林市", "博白县"),
    "360321": ("江西省", "萍乡市", "莲花县"),
    "360429": ("江西省", "九江市", "湖口县"),
    "360735": ("江西省", "赣州市", "石城县"),
    "361102": ("江西省", "上饶市", "信州区"),
    # added for heldout23 (national administrative-division codes)
    "150104": ("内蒙古自治区", "呼和浩特市", "玉泉区"),
    "350212": ("福建省", "厦门市", "同安区"),
    "370103": ("山东省", "济南市", "市中区"),
    "450109": ("广西壮族自治区", "南宁市", "邕宁区"),
    "510105": ("四川省", "成都市", "青羊区"),
    "610102": ("陕西省", "西安市", "新城区"),
    # added for heldout24 (national administrative-division codes, from memory)
    "110117": ("北京市", "北京市", "平谷区"),
    "130722": ("河北省", "张家口市", "张北县"),
    "140121": ("山西省", "太原市", "清徐县"),
    "371425": ("山东省", "德州市", "齐河县"),
    "410523": ("河南省", "安阳市", "汤阴县"),
    "410611": ("河南省", "鹤壁市", "淇滨区"),
    # added for heldout25 (national administrative-division codes, from memory)
    "320322": ("江苏省", "徐州市", "沛县"),
    "320324": ("江苏省", "徐州市", "睢宁县"),
    "320723": ("江苏省", "连云港市", "灌云县"),
    "321322": ("江苏省", "宿迁市", "沭阳县"),
    "321324": ("江苏省", "宿迁市", "泗洪县"),
    "330825": ("浙江省", "衢州市", "龙游县"),
    "331023": ("浙江省", "台州市", "天台县"),
    "331127": ("浙江省", "丽水市", "景宁畲族自治县"),
    "340828": ("安徽省", "安庆市", "岳西县"),
    "340882": ("安徽省", "安庆市", "潜山市"),
    "341225": ("安徽省", "阜阳市", "阜南县"),
    "341522": ("安徽省", "六安市", "霍邱县"),
    "341525": ("安徽省", "六安市", "霍山县"),
    "341623": ("安徽省", "亳州市", "利辛县"),
    "411526": ("河南省", "信阳市", "潢川县"),
    "421127": ("湖北省", "黄冈市", "黄梅县"),
    # added for heldout27 (national administrative-division codes)
    "433124": ("湖南省", "湘西土家族苗族自治州", "花垣县"),
    "522632": ("贵州省", "黔东南苗族侗族自治州", "榕江县"),
    # added for heldout29 (national administrative-division code)
    "310101": ("上海市", "上海市", "黄浦区"),
    # added for heldout33 (national administrative-division code, from memory)
    "140181": ("山西省", "太原市", "古交市"),
    # added for heldout35 (national administrative-division codes, from memory)
    "440232": ("广东省", "韶关市", "乳源瑶族自治县"),
    "440803": ("广东省", "湛江市", "霞山区"),
    "441702": ("广东省", "阳江市", "江城区"),
    "350626": ("福建省", "漳州市", "东山县"),
    # added for heldout38 (national administrative-division codes, from memory)
    "150425": ("内蒙古自治区", "赤峰市", "克什克腾旗"),
    "150525": ("内蒙古自治区", "通辽市", "奈曼旗"),
    "150622": ("内蒙古自治区", "鄂尔多斯市", "准格尔旗"),
    "150725": ("内蒙古自治区", "呼伦贝尔市", "陈巴尔虎旗"),
    "152202": ("内蒙古自治区", "兴安盟", "阿尔山市"),
    "152525": ("内蒙古自治区", "锡林郭勒盟", "东乌珠穆沁旗"),
    "152921": ("内蒙古自治区", "阿拉善盟", "阿拉善左旗"),
    "152923": ("内蒙古自治区", "阿拉善盟", "额济纳旗"),
    "513232": ("四川省", "阿坝藏族羌族自治州", "若尔盖县"),
    "513334": ("四川省", "甘孜藏族自治州", "理塘县"),
    "520526": ("贵州省", "毕节市", "威宁彝族回族苗族自治县"),
    "522732": ("贵州省", "黔南布依族苗族自治州", "三都水族自治县"),
    "530721": ("云南省", "丽江市", "玉龙纳西族自治县"),
    "532528": ("云南省", "红河哈尼族彝族自治州", "元阳县"),
    "532823": ("云南省", "西双版纳傣族自治州", "勐腊县"),
    "532927": ("云南省", "大理白族自治州", "巍山彝族回族自治县"),
    "533301": ("云南省", "怒江傈僳族自治州", "泸水市"),
    "533324": ("云南省", "怒江傈僳族自治州", "贡山独龙族怒族自治县"),
    "533422": ("云南省", "迪庆藏族自治州", "德钦县"),
    "540223": ("西藏自治区", "日喀则市", "定日县"),
    "540424": ("西藏自治区", "林芝市", "波密县"),
    "542521": ("西藏自治区", "阿里地区", "普兰县"),
    "620721": ("甘肃省", "张掖市", "肃南裕固族自治县"),
    "622926": ("甘肃省", "临夏回族自治州", "东乡族自治县"),
    "622927": ("甘肃省", "临夏回族自治州", "积石山保安族东乡族撒拉族自治县"),
    "630224": ("青海省", "海东市", "化隆回族自治县"),
    "630225": ("青海省", "海东市", "循化撒拉族自治县"),
    "632523": ("青海省", "海南藏族自治州", "贵德县"),
    "632626": ("青海省", "果洛藏族自治州", "玛多县"),
    "640323": ("宁夏回族自治区", "吴忠市", "盐池县"),
    "652325": ("新疆维吾尔自治区", "昌吉回族自治州", "奇台县"),
    "652827": ("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "和静县"),
    "653131": ("新疆维吾尔自治区", "喀什地区", "塔什库尔干塔吉克自治县"),
    "654026": ("新疆维吾尔自治区", "伊犁哈萨克自治州", "昭苏县"),
    # added for heldout34: Shanghai / Jiangsu / Zhejiang county-level units (national administrative-division list)
    "310118": ("上海市", "上海市", "青浦区"),
    "320117": ("江苏省", "南京市", "溧水区"),
    "320214": ("江苏省", "无锡市", "新吴区"),
    "321002": ("江苏省", "扬州市", "广陵区"),
    "321003": ("江苏省", "扬州市", "邗江区"),
    "321202": ("江苏省", "泰州市", "海陵区"),
    "330205": ("浙江省", "宁波市", "江北区"),
    "330281": ("浙江省", "宁波市", "余姚市"),
    "330304": ("浙江省", "温州市", "瓯海区"),
    "330604": ("浙江省", "绍兴市", "上虞区"),
    "330681": ("浙江省", "绍兴市", "诸暨市"),
    "331003": ("浙江省", "台州市", "黄岩区"),
    "331004": ("浙江省", "台州市", "路桥区"),
    # added for heldout39 (national administrative-division codes, from memory)
    "370214": ("山东省", "青岛市", "城阳区"),
    "320505": ("江苏省", "苏州市", "虎丘区"),
    # added for heldout36 (national administrative-division code, from memory)
    "411525": ("河南省", "信阳市", "固始县"),
    "411527": ("河南省", "信阳市", "淮滨县"),
    "411627": ("河南省", "周口市", "太康县"),
    "411729": ("河南省", "驻马店市", "新蔡县"),
    "341226": ("安徽省", "阜阳市", "颍上县"),
    "341321": ("安徽省", "宿州市", "砀山县"),
    "420922": ("湖北省", "孝感市", "大悟县"),
    "421125": ("湖北省", "黄冈市", "浠水县"),
    "429006": ("湖北省", "天门市", None),
    "430523": ("湖南省", "邵阳市", "邵阳县"),
    "360733": ("江西省", "赣州市", "会昌县"),
    "361129": ("江西省", "上饶市", "万年县"),
    # added for heldout37: Kaifeng's 鼓楼区 (an accident place)
    "410204": ("河南省", "开封市", "鼓楼区"),
    # added for heldout41 (national administrative-division code, from memory)
    "370687": ("山东省", "烟台市", "海阳市"),
    # added for heldout42 (national administrative-division codes, from memory)
    "350782": ("福建省", "南平市", "武夷山市"),
    "330122": ("浙江省", "杭州市", "桐庐县"),
    "220623": ("吉林省", "白山市", "长白朝鲜族自治县"),
    # added for heldout45 (national administrative-division codes, from memory): 黄果树 (镇宁), 会泽, 泸沽湖 (宁蒗)
    "520423": ("贵州省", "安顺市", "镇宁布依族苗族自治县"),
    "530326": ("云南省", "曲靖市", "会泽县"),
    "530724": ("云南省", "丽江市", "宁蒗彝族自治县"),
    # added for heldout53 (national administrative-division code, from memory): 沙湖 (平罗县)
    "640221": ("宁夏回族自治区", "石嘴山市", "平罗县"),
    # added for heldout61 (national administrative-division codes, from memory): 东门 (罗湖), 翔安
    "440303": ("广东省", "深圳市", "罗湖区"),
    "350213": ("福建省", "厦门市", "翔安区"),
    # added for heldout63 (national administrative-division code, from memory): 平舆县 (an ID area)
    "411723": ("河南省", "驻马店市", "平舆县"),
    # added for heldout64 (national administrative-division codes, from memory): smaller counties
    "371722": ("山东省", "菏泽市", "单县"),
    "371323": ("山东省", "临沂市", "沂水县"),
    "411328": ("河南省", "南阳市", "唐河县"),
    "411724": ("河南省", "驻马店市", "正阳县"),
    "320923": ("江苏省", "盐城市", "阜宁县"),
    "421182": ("湖北省", "黄冈市", "武穴市"),
    "430426": ("湖南省", "衡阳市", "祁东县"),
    "450821": ("广西壮族自治区", "贵港市", "平南县"),
    "511722": ("四川省", "达州市", "宣汉县"),
    "530322": ("云南省", "曲靖市", "陆良县"),
    # added for heldout65 (national administrative-division codes, from memory; 监利 became a city in 2020)
    "130425": ("河北省", "邯郸市", "大名县"),
    "140821": ("山西省", "运城市", "临猗县"),
    "150802": ("内蒙古自治区", "巴彦淖尔市", "临河区"),
    "211202": ("辽宁省", "铁岭市", "银州区"),
    "220302": ("吉林省", "四平市", "铁西区"),
    "231202": ("黑龙江省", "绥化市", "北林区"),
    "320902": ("江苏省", "盐城市", "亭湖区"),
    "331024": ("浙江省", "台州市", "仙居县"),
    "340822": ("安徽省", "安庆市", "怀宁县"),
    "360703": ("江西省", "赣州市", "南康区"),
    "370812": ("山东省", "济宁市", "兖州区"),
    "411302": ("河南省", "南阳市", "宛城区"),
    "421088": ("湖北省", "荆州市", "监利市"),
    "511324": ("四川省", "南充市", "仪陇县"),
    "520322": ("贵州省", "遵义市", "桐梓县"),
    "620503": ("甘肃省", "天水市", "麦积区"),
    # added for heldout66 (national administrative-division codes, from memory): central-China counties and districts
    "420107": ("湖北省", "武汉市", "青山区"),
    "420114": ("湖北省", "武汉市", "蔡甸区"),
    "420117": ("湖北省", "武汉市", "新洲区"),
    "420528": ("湖北省", "宜昌市", "长阳土家族自治县"),
    "420625": ("湖北省", "襄阳市", "谷城县"),
    "421003": ("湖北省", "荆州市", "荆州区"),
    "429004": ("湖北省", "仙桃市", None),
    "430112": ("湖南省", "长沙市", "望城区"),
    "430121": ("湖南省", "长沙市", "长沙县"),
    "430223": ("湖南省", "株洲市", "攸县"),
    "430412": ("湖南省", "衡阳市", "南岳区"),
    "430421": ("湖南省", "衡阳市", "衡阳县"),
    "430424": ("湖南省", "衡阳市", "衡东县"),
    "430611": ("湖南省", "岳阳市", "君山区"),
    "430922": ("湖南省", "益阳市", "桃江县"),
    "360124": ("江西省", "南昌市", "进贤县"),
    "360425": ("江西省", "九江市", "永修县"),
    "360483": ("江西省", "九江市", "庐山市"),
    "360704": ("江西省", "赣州市", "赣县区"),
    "340223": ("安徽省", "芜湖市", "南陵县"),
    "340802": ("安徽省", "安庆市", "迎江区"),
    "340826": ("安徽省", "安庆市", "宿松县"),
    "341524": ("安徽省", "六安市", "金寨县"),
    "410184": ("河南省", "郑州市", "新郑市"),
    "410185": ("河南省", "郑州市", "登封市"),
    "410324": ("河南省", "洛阳市", "栾川县"),
    "410329": ("河南省", "洛阳市", "伊川县"),
    "411326": ("河南省", "南阳市", "淅川县"),
    "411503": ("河南省", "信阳市", "平桥区"),
    "411702": ("河南省", "驻马店市", "驿城区"),
    # added for heldout67 (national administrative-division codes, from memory): four counties / districts
    "370114": ("山东省", "济南市", "章丘区"),
    "320682": ("江苏省", "南通市", "如皋市"),
    "410223": ("河南省", "开封市", "尉氏县"),
    "130925": ("河北省", "沧州市", "盐山县"),
    # added for heldout68 (national administrative-division codes, from memory): three counties
    "371326": ("山东省", "临沂市", "平邑县"),
    "130433": ("河北省", "邯郸市", "馆陶县"),
    "511622": ("四川省", "广安市", "武胜县"),
    # added for heldout69 (national administrative-division codes, from memory): 永嘉县 (温州), 铜山区 (徐州)
    "330324": ("浙江省", "温州市", "永嘉县"),
    "320312": ("江苏省", "徐州市", "铜山区"),
    # added for heldout77 (national administrative-division codes, from memory): 怀柔区 (北京), 丰满区 (吉林市)
    "110116": ("北京市", "北京市", "怀柔区"),
    "220211": ("吉林省", "吉林市", "丰满区"),
    # added for heldout78 (national administrative-division codes, from memory): 莱州 (烟台), 建德 (杭州), 彭泽 (九江)
    "370683": ("山东省", "烟台市", "莱州市"),
    "330182": ("浙江省", "杭州市", "建德市"),
    "360430": ("江西省", "九江市", "彭泽县"),
    # added for heldout79 (national administrative-division codes, from memory): 汉台区 (汉中), 温宿县 (阿克苏地区)
    "610702": ("陕西省", "汉中市", "汉台区"),
    "652922": ("新疆维吾尔自治区", "阿克苏地区", "温宿县"),
    # added for heldout85 (national administrative-division codes, from memory): cotton, apple, potato and mining
    # counties and a Lhasa district in the west
    "652928": ("新疆维吾尔自治区", "阿克苏地区", "阿瓦提县"),
    "652324": ("新疆维吾尔自治区", "昌吉回族自治州", "玛纳斯县"),
    "653222": ("新疆维吾尔自治区", "和田地区", "墨玉县"),
    "513325": ("四川省", "甘孜藏族自治州", "雅江县"),
    "513224": ("四川省", "阿坝藏族羌族自治州", "松潘县"),
    "513423": ("四川省", "凉山彝族自治州", "盐源县"),
    "540103": ("西藏自治区", "拉萨市", "堆龙德庆区"),
    "620302": ("甘肃省", "金昌市", "金川区"),
    "620522": ("甘肃省", "天水市", "秦安县"),
    "621124": ("甘肃省", "定西市", "临洮县"),
    "610527": ("陕西省", "渭南市", "白水县"),
    # added for heldout80 (national administrative-division code, from memory): 解放区 (焦作)
    "410802": ("河南省", "焦作市", "解放区"),
    # added for heldout83 (national administrative-division codes, from memory):
    # 虞城县 (商丘), 公安县 (荆州), 湘乡市 (湘潭)
    "411425": ("河南省", "商丘市", "虞城县"),
    "421022": ("湖北省", "荆州市", "公安县"),
    "430381": ("湖南省", "湘潭市", "湘乡市"),
    # added for heldout90 (national administrative-division code, from memory): 郫都区 (成都; the former 郫县
    # 510124, a district since 2017)
    "510117": ("四川省", "成都市", "郫都区"),
    # added for heldout100 (national administrative-division codes, from memory): 松桃苗族自治县 (铜仁),
    # 溆浦县 (怀化), 靖西市 (百色; county-level city since 2015), 房县 (十堰), 莎车县 (喀什地区)
    "520628": ("贵州省", "铜仁市", "松桃苗族自治县"),
    "431224": ("湖南省", "怀化市", "溆浦县"),
    "451081": ("广西壮族自治区", "百色市", "靖西市"),
    "420325": ("湖北省", "十堰市", "房县"),
    "653125": ("新疆维吾尔自治区", "喀什地区", "莎车县"),
}

# Hospital values allowed: big well-known grade-3 hospitals in the largest cities, official names.
HOSPITALS = {
    # added for heldout96: 河南省儿童医院 (郑州儿童医院, 郑州大学附属儿童医院), grade-3A children's hospital
    # in Zhengzhou
    "河南省儿童医院",
    "中国医学科学院北京协和医院",
    "四川大学华西医院",
    "中南大学湘雅医院",
    "中南大学湘雅二医院",
    "山东大学齐鲁医院",
    "浙江大学医学院附属第一医院",
    "浙江大学医学院附属第二医院",
    "浙江大学医学院附属邵逸夫医院",
    "上海交通大学医学院附属瑞金医院",
    "上海市第六人民医院",
    "北京大学第三医院",
    "中山大学附属第一医院",
    "空军军医大学第一附属医院",
    "华中科技大学同济医学院附属同济医院",
    "华中科技大学同济医学院附属协和医院",
    "复旦大学附属华山医院",
    "复旦大学附属中山医院",
    "中国人民解放军总医院",
    "北京积水潭医院",
    "南京大学医学院附属鼓楼医院",
    "天津医科大学总医院",
    "重庆医科大学附属第一医院",
    "陆军军医大学第一附属医院",
    "广东省人民医院",
    "北京大学深圳医院",
    "苏州大学附属第一医院",
    "青岛大学附属医院",
    # added for heldout2: grade-3 (三级甲等) hospitals, full official names
    "中南大学湘雅三医院",
    "中国医学科学院阜外医院",
    "中国医科大学附属第一医院",
    "兰州大学第一医院",
    "兰州大学第二医院",
    "南昌大学第一附属医院",
    "厦门大学附属第一医院",
    "吉林大学白求恩第一医院",
    "哈尔滨医科大学附属第一医院",
    "四川省人民医院",
    "大连医科大学附属第一医院",
    "宁夏医科大学总医院",
    "宁波市第一医院",
    "山西医科大学第一医院",
    "川北医学院附属医院",
    "广州市妇女儿童医疗中心",
    "广西医科大学第一附属医院",
    "延边大学附属医院",
    "新疆医科大学第一附属医院",
    "新疆维吾尔自治区人民医院",
    "昆明医科大学第一附属医院",
    "江苏省人民医院",
    "河北医科大学第二医院",
    "河南省肿瘤医院",
    "浙江大学医学院附属第四医院",
    "海南省人民医院",
    "深圳市儿童医院",
    "温州医科大学附属眼视光医院",
    "福建医科大学附属协和医院",
    "福建省立医院",
    "西安交通大学第一附属医院",
    "西藏自治区人民医院",
    "贵州医科大学附属医院",
    "遵义医科大学附属医院",
    "郑州大学第一附属医院",
    "青海大学附属医院",
    "首都医科大学附属北京天坛医院",
    "首都医科大学附属北京安贞医院",
    # added for heldout3: grade-3 hospitals, full official names (one name each where a hospital has two)
    "上海交通大学医学院附属新华医院",
    "中国医科大学附属盛京医院",
    "中国福利会国际和平妇幼保健院",
    "中山大学孙逸仙纪念医院",
    "中山大学肿瘤防治中心",
    "临沂市人民医院",
    "佛山市第一人民医院",
    "包头市中心医院",
    "北京大学人民医院",
    "北京大学口腔医院",
    "南华大学附属第一医院",
    "南方医科大学南方医院",
    "南通大学附属医院",
    "哈尔滨医科大学附属第二医院",
    "唐山市工人医院",
    "喀什地区第一人民医院",
    "四川大学华西第二医院",
    "复旦大学附属儿科医院",
    "复旦大学附属妇产科医院",
    "复旦大学附属肿瘤医院",
    "大庆油田总医院",
    "大理大学第一附属医院",
    "天津市天津医院",
    "安徽医科大学第一附属医院",
    "广西壮族自治区人民医院",
    "延安大学附属医院",
    "徐州医科大学附属医院",
    "无锡市人民医院",
    "武汉大学中南医院",
    "汕头大学医学院第一附属医院",
    "江西省人民医院",
    "河南省人民医院",
    "泉州市第一医院",
    "浙江大学医学院附属儿童医院",
    "深圳市人民医院",
    "温州医科大学附属第一医院",
    "湖南省人民医院",
    "湛江中心人民医院",
    "烟台毓璜顶医院",
    "甘肃省人民医院",
    "福建医科大学附属第一医院",
    "绵阳市中心医院",
    "襄阳市中心医院",
    "西南医科大学附属医院",
    "西安交通大学第二附属医院",
    "贵州省人民医院",
    "重庆医科大学附属儿童医院",
    "重庆大学附属三峡医院",
    "陆军军医大学第二附属医院",
    "青海省人民医院",
    "首都医科大学宣武医院",
    "首都医科大学附属北京儿童医院",
    # added for heldout4: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "东南大学附属中大医院",
    "东莞市人民医院",
    "中山市人民医院",
    "临汾市中心医院",
    "乐山市人民医院",
    "云南省第一人民医院",
    "伊犁哈萨克自治州友谊医院",
    "六安市人民医院",
    "内蒙古医科大学附属医院",
    "厦门大学附属中山医院",
    "吉林大学中日联谊医院",
    "吉林市中心医院",
    "周口市中心医院",
    "哈尔滨医科大学附属肿瘤医院",
    "大连医科大学附属第二医院",
    "天津市儿童医院",
    "天津市胸科医院",
    "宜昌市中心人民医院",
    "山东省立医院",
    "山西医科大学第二医院",
    "常州市第一人民医院",
    "广西壮族自治区妇幼保健院",
    "曲靖市第一人民医院",
    "杭州市第一人民医院",
    "柳州市工人医院",
    "江西省儿童医院",
    "河北医科大学第三医院",
    "河北大学附属医院",
    "济宁医学院附属医院",
    "温州医科大学附属第二医院",
    "漯河市中心医院",
    "盐城市第一人民医院",
    "绍兴市人民医院",
    "聊城市人民医院",
    "苏州大学附属儿童医院",
    "邯郸市中心医院",
    "齐齐哈尔市第一医院",
    # added for heldout5: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "上海交通大学医学院附属上海儿童医学中心",
    "上海交通大学医学院附属仁济医院",
    "北海市人民医院",
    "南昌大学第二附属医院",
    "南阳市中心医院",
    "吉林大学第二医院",
    "商丘市第一人民医院",
    "四川省肿瘤医院",
    "天水市第一人民医院",
    "宝鸡市中心医院",
    "巴音郭楞蒙古自治州人民医院",
    "德阳市人民医院",
    "成都市第三人民医院",
    "楚雄彝族自治州人民医院",
    "江苏省苏北人民医院",
    "河北省儿童医院",
    "河南科技大学第一附属医院",
    "湖南省儿童医院",
    "潍坊市人民医院",
    "福建医科大学附属第二医院",
    "赤峰市医院",
    "郴州市第一人民医院",
    "锦州医科大学附属第一医院",
    "阜阳市人民医院",
    "丽水市中心医院",
    "首都医科大学附属北京朝阳医院",
    "香港大学深圳医院",
    "哈尔滨医科大学附属第四医院",
    # added for heldout6: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "三亚市人民医院",
    "上海市第十人民医院",
    "九江市第一人民医院",
    "内蒙古自治区人民医院",
    "天津市第一中心医院",
    "威海市立医院",
    "安康市中心医院",
    "安徽医科大学第二附属医院",
    "山东大学第二医院",
    "广东省中医院",
    "昆山市第一人民医院",
    "株洲市中心医院",
    "榆林市第一医院",
    "河北医科大学第四医院",
    "琼海市人民医院",
    "自贡市第一人民医院",
    "荆州市第一人民医院",
    "赣州市人民医院",
    "鄂尔多斯市中心医院",
    "黄山市人民医院",
    # added for heldout7: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "三门峡市中心医院",
    "上海市第一人民医院",
    "东营市人民医院",
    "中卫市人民医院",
    "中山大学附属第三医院",
    "中日友好医院",
    "九江学院附属医院",
    "亳州市人民医院",
    "佛山市南海区人民医院",
    "信阳市中心医院",
    "南京市第一医院",
    "南宁市第一人民医院",
    "南平市第一医院",
    "厦门大学附属心血管病医院",
    "吉林省肿瘤医院",
    "哈密市中心医院",
    "嘉兴市第一医院",
    "四川省骨科医院",
    "四平市中心人民医院",
    "固原市人民医院",
    "天津医科大学肿瘤医院",
    "娄底市中心医院",
    "孝感市中心医院",
    "宁夏回族自治区人民医院",
    "宁波市第六医院",
    "安阳市肿瘤医院",
    "宜宾市第一人民医院",
    "宜春市人民医院",
    "山东第一医科大学第一附属医院",
    "山南市人民医院",
    "平凉市人民医院",
    "广州市第八人民医院",
    "广西医科大学附属肿瘤医院",
    "张家界市人民医院",
    "德州市人民医院",
    "恩施土家族苗族自治州中心医院",
    "承德医学院附属医院",
    "新乡医学院第一附属医院",
    "昆明医科大学第二附属医院",
    "晋城市人民医院",
    "柳州市人民医院",
    "武汉市中心医院",
    "毕节市第一人民医院",
    "汉中市中心医院",
    "江苏省肿瘤医院",
    "江门市中心医院",
    "沧州市中心医院",
    "泰安市中心医院",
    "洛阳市中心医院",
    "浙江省台州医院",
    "浙江省肿瘤医院",
    "海口市人民医院",
    "淄博市中心医院",
    "淮安市第一人民医院",
    "湖州市中心医院",
    "漳州市医院",
    "牡丹江医学院附属红旗医院",
    "珠海市人民医院",
    "甘南藏族自治州人民医院",
    "皖南医学院弋矶山医院",
    "眉山市人民医院",
    "空军军医大学第二附属医院",
    "茂名市人民医院",
    "荆门市人民医院",
    "莆田学院附属医院",
    "达州市中心医院",
    "通辽市医院",
    "郑州大学第三附属医院",
    "重庆医科大学附属第二医院",
    "重庆市人民医院",
    "锡林郭勒盟医院",
    "镇江市第一人民医院",
    "长沙市中心医院",
    "青岛市市立医院",
    "驻马店市中心医院",
    "高州市人民医院",
    "黑龙江省医院",
    # added for heldout8: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "上海市松江区中心医院",
    "临夏回族自治州人民医院",
    "丹东市中心医院",
    "井冈山大学附属医院",
    "佳木斯大学附属第一医院",
    "保定市第一中心医院",
    "兴安盟人民医院",
    "北京大学第一医院",
    "北京市密云区医院",
    "南京市儿童医院",
    "台山市人民医院",
    "合肥市第一人民医院",
    "呼伦贝尔市人民医院",
    "和田地区人民医院",
    "咸宁市中心医院",
    "咸阳市中心医院",
    "哈尔滨市第一医院",
    "复旦大学附属华东医院",
    "大连市中心医院",
    "天津市环湖医院",
    "宁德市医院",
    "安吉县人民医院",
    "安庆市立医院",
    "安阳市人民医院",
    "宜兴市人民医院",
    "巴彦淖尔市医院",
    "广西医科大学第二附属医院",
    "开封市中心医院",
    "张家港市第一人民医院",
    "徐州市中心医院",
    "忻州市人民医院",
    "扬州大学附属医院",
    "拉萨市人民医院",
    "揭阳市人民医院",
    "昌吉回族自治州人民医院",
    "昌都市人民医院",
    "普宁市人民医院",
    "梅州市人民医院",
    "梅河口市中心医院",
    "武汉大学人民医院",
    "武汉市第一医院",
    "江苏省中医院",
    "江西省肿瘤医院",
    "河北燕达医院",
    "泰州市人民医院",
    "济南市中心医院",
    "浙江省人民医院",
    "海南省妇女儿童医学中心",
    "淳安县第一人民医院",
    "温岭市第一人民医院",
    "湘潭市中心医院",
    "滕州市中心人民医院",
    "滨州医学院附属医院",
    "灵宝市第一人民医院",
    "玉树藏族自治州人民医院",
    "甘孜藏族自治州人民医院",
    "秦皇岛市第一医院",
    "腾冲市人民医院",
    "菏泽市立医院",
    "葫芦岛市中心医院",
    "连云港市第一人民医院",
    "迪庆藏族自治州人民医院",
    "遵义市第一人民医院",
    "邯郸市第一医院",
    "郑州市中心医院",
    "都江堰市人民医院",
    "重庆市黔江中心医院",
    "银川市第一人民医院",
    "青海红十字医院",
    "鞍山市中心医院",
    "首都医科大学附属北京潞河医院",
    "鹰潭市人民医院",
    "黄冈市中心医院",
    "黔东南苗族侗族自治州人民医院",
    "黔南布依族苗族自治州人民医院",
    "黔西南布依族苗族自治州人民医院",
    # added for heldout10: grade-3 / prefecture hospitals, full official names
    # (the commonly used one where a hospital has two)
    "五常市人民医院",
    "乌兰察布市中心医院",
    "儋州市人民医院",
    "运城市中心医院",
    "吉安市中心医院",
    "萍乡市人民医院",
    "巴中市中心医院",
    "吴忠市人民医院",
    "海西蒙古族藏族自治州人民医院",
    "宣城市人民医院",
    "昭通市第一人民医院",
    "绥化市第一医院",
    "钦州市第一人民医院",
    "普洱市人民医院",
    "白银市第一人民医院",
    "保山市人民医院",
    "庆阳市人民医院",
    "玉溪市人民医院",
    "阿克苏地区第一人民医院",
    "许昌市中心医院",
    "日照市人民医院",
    "随州市中心医院",
    "东方市人民医院",
    "河池市人民医院",
    "抚州市第一人民医院",
    "松原市中心医院",
    "铁岭市中心医院",
    "黄石市中心医院",
    "吕梁市人民医院",
    "雅安市人民医院",
    "商洛市中心医院",
    "阳江市人民医院",
    "文山壮族苗族自治州人民医院",
    "辽阳市中心医院",
    "德宏傣族景颇族自治州人民医院",
    "尚志市人民医院",
    "内蒙古民族大学附属医院",
    "池州市人民医院",
    "益阳市中心医院",
    "那曲市人民医院",
    "铜仁市人民医院",
    "上饶市人民医院",
    "马鞍山市人民医院",
    "贵港市人民医院",
    "阳泉市第一人民医院",
    "武威市人民医院",
    "桂林医学院附属医院",
    "濮阳市人民医院",
    "重庆市合川区人民医院",
    "白城市中心医院",
    # added for heldout11: grade-3 hospitals, full official names
    "上海市胸科医院",
    "义乌市中心医院",
    "宁波市北仑区人民医院",
    "山西白求恩医院",
    "庄河市中心医院",
    "朔州市人民医院",
    "湖北省肿瘤医院",
    "渭南市中心医院",
    "玉林市第一人民医院",
    "衡水市人民医院",
    "西安市红会医院",
    "邢台市人民医院",
    "长治市人民医院",
    # added for heldout12 (full official names)
    "首都医科大学附属北京同仁医院",
    "首都医科大学附属北京友谊医院",
    "天津医科大学第二医院",
    "惠州市中心人民医院",
    "清远市人民医院",
    "韶关市第一人民医院",
    "陕西省人民医院",
    "常州市第二人民医院",
    "遂宁市中心医院",
    "内江市第一人民医院",
    "营口市中心医院",
    "平顶山市第一人民医院",
    "牡丹江市第一人民医院",
    # added for heldout13: grade-3 / prefecture hospitals, full official names
    "六盘水市人民医院",
    "右江民族医学院附属医院",
    "安顺市人民医院",
    "岳阳市中心医院",
    "常德市第一人民医院",
    "怀化市第一人民医院",
    "攀枝花市中心医院",
    "晋江市医院",
    "桂林市人民医院",
    "梧州市红十字会医院",
    "汕头市中心医院",
    "莆田市第一医院",
    "衢州市人民医院",
    "西双版纳傣族自治州人民医院",
    "邵阳市中心医院",
    "金华市中心医院",
    "重庆医科大学附属永川医院",
    "重庆市涪陵中心医院",
    "龙岩市第一医院",
    # added for heldout14: grade-3 / prefecture hospitals, full official names
    "包头医学院第一附属医院",
    "北京大学肿瘤医院",
    "大同市第三人民医院",
    "定西市人民医院",
    "延安市人民医院",
    "张掖市人民医院",
    "新乡市中心医院",
    "新疆医科大学附属肿瘤医院",
    "晋中市第一人民医院",
    "朝阳市中心医院",
    "榆林市第二医院",
    "沈阳市儿童医院",
    "河北省人民医院",
    "白山市中心医院",
    "西北妇女儿童医院",
    "郑州大学第五附属医院",
    "酒泉市人民医院",
    "阿勒泰地区人民医院",
    "首都儿科研究所附属儿童医院",
    # added for heldout15: grade-3 / provincial specialist hospitals, full official names
    "中国科学技术大学附属第一医院",
    "福建省肿瘤医院",
    "浙江大学医学院附属妇产科医院",
    "十堰市太和医院",
    "湖北省妇幼保健院",
    # added for heldout16: prefecture / county / children's hospitals in the south-west and south, full official names
    "昆明市儿童医院",
    "湘西土家族苗族自治州人民医院",
    "凉山彝族自治州第一人民医院",
    "广州医科大学附属第一医院",
    "广州市番禺区中心医院",
    "潮州市中心医院",
    "文昌市人民医院",
    "藤县人民医院",
    "隆安县人民医院",
    "渠县人民医院",
    # added for heldout17: grade-3 / prefecture hospitals, full official names
    "张家口市第一医院",
    "山西省肿瘤医院",
    "山东省肿瘤医院",
    "首都医科大学附属北京世纪坛医院",
    "通化市中心医院",
    "本溪市中心医院",
    "阜新市中心医院",
    "内蒙古包钢医院",
    # added for heldout19: grade-3 hospitals, full official names
    "上海交通大学医学院附属第九人民医院",
    "海军军医大学第一附属医院",
    "宁波市医疗中心李惠利医院",
    # added for heldout20: prefecture / city hospitals in the north-west and south-west, full official names
    "西安市儿童医院",
    "格尔木市人民医院",
    "林芝市人民医院",
    "日喀则市人民医院",
    "吐鲁番市人民医院",
    "西宁市第一人民医院",
    # added for heldout18: prefecture / district hospitals, full official names
    "崇左市人民医院",
    "永州市中心医院",
    "重庆大学附属肿瘤医院",
    "重庆市开州区人民医院",
    # (added for heldout22)
    "中山大学附属第六医院",
    "河源市人民医院",
    "汕尾市人民医院",
    "广东医科大学附属医院",
    # added for heldout23: full official name
    "四川大学华西口腔医院",
    # added for heldout24: full official name
    "鹤壁市人民医院",
    # added for heldout25: prefecture / county hospitals in central and eastern China, full official names
    "固始县人民医院",
    "宿州市立医院",
    "荆州市中心医院",
    "景德镇市第一人民医院",
    "新余市人民医院",
    # added for heldout31: children's hospitals (full official names)
    "哈尔滨市儿童医院",
    "安徽省儿童医院",
    # added for heldout38: real grade-3 hospitals (full official names)
    "丽江市人民医院",
    "克拉玛依市中心医院",
    # added for heldout34: grade-3 hospital, full official name (also 同济大学附属东方医院)
    "上海市东方医院",
    # added for heldout36 (full official name)
    "湖南省肿瘤医院",
    # added for heldout42: real grade-3 hospital (full official name)
    "苏州大学附属第二医院",
    # added for heldout51: real grade-3 hospitals (full official names; 弋矶山医院 in 芜湖, and the former
    # 海南医学院第一附属医院, renamed after the college became 海南医科大学)
    "皖南医学院第一附属医院",
    "海南医科大学第一附属医院",
    # added for heldout52: real children's / women-and-children's hospitals (full official names)
    "成都市妇女儿童中心医院",
    "长春市儿童医院",
    "福建省儿童医院",
    "青岛市妇女儿童医院",
    # added for heldout55: the national cancer hospital in Beijing (潘家园, "医科院肿瘤医院")
    "中国医学科学院肿瘤医院",
    # added for heldout61: real grade-3 hospitals (full official names; 珠江医院 in 海珠, 301 海南医院 in 三亚)
    "南方医科大学珠江医院",
    "中国人民解放军总医院海南医院",
    # added for heldout64: real grade-3 hospital (full official name; 南充 city centre)
    "南充市中心医院",
    # added for heldout65: real grade-3 hospitals (full official names; 赣南医学院 became 赣南医科大学 in 2023)
    "赣南医科大学第一附属医院",
    # added for heldout66: real grade-3 city hospitals (full official names) in 衡阳 and 岳阳
    "衡阳市中心医院",
    "岳阳市人民医院",
    # added for heldout67: real grade-3 hospitals (full official names) in 苏州 (姑苏区) and 广州 (海珠区)
    "苏州市立医院",
    "广州医科大学附属第二医院",
    # added for heldout68: real grade-3 city hospitals (full official names) in 宿迁 and 南阳
    "宿迁市第一人民医院",
    "南阳市第一人民医院",
    # added for heldout69: real grade-3 hospitals (full official names) in 温州 and 郑州
    "温州市人民医院",
    "郑州大学第二附属医院",
    # added for heldout77: real grade-3 hospitals (full official names) in 沈阳
    "中国医科大学附属第四医院",
    "辽宁省人民医院",
    # added for heldout78: real grade-3 hospital (full official name) in 南通 (崇川区), "南通一院"
    "南通市第一人民医院",
    # added for heldout79: real grade-3 hospitals (full official names) in 石河子, 西安 (新城区) and 昆明
    "石河子大学医学院第一附属医院",
    "西安市中心医院",
    "昆明市第一人民医院",
    # added for heldout80: real grade-3 city hospital (full official name) in 焦作 (解放区)
    "焦作市人民医院",
    # added for heldout83: real grade-3 hospital (full official name since the 2024 renaming of 蚌埠医学院)
    # in 蚌埠, "蚌医一附院"
    "蚌埠医科大学第一附属医院",
    # added for heldout91: real grade-3 hospitals (full official names) in 太原 (迎泽区) and 沈阳 (沈河区,
    # former 沈阳军区总医院)
    "山西省人民医院",
    "中国人民解放军北部战区总医院",
    # added for heldout93: real grade-3 hospital (full official name) in 肇庆 (端州区)
    "肇庆市第一人民医院",
}

# Mobile prefixes (3 digits) in use in mainland China.
MOBILE_PREFIXES = (
    {f"13{d}" for d in range(10)}
    | {"145", "147", "149"}
    | {f"15{d}" for d in "012356789"}
    | {"162", "165", "166", "167"}
    | {f"17{d}" for d in "012345678"}
    | {f"18{d}" for d in range(10)}
    | {"190", "191", "192", "193", "195", "196", "197", "198", "199"}
)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
ICD_RE = re.compile(r"^[A-Z][0-9]{2}$")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")

# Lunar-calendar holidays needed by the date cross-check (大年初一, 除夕, 大年初N, 正月十五).
SPRING_FESTIVAL = {2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17)}
# (added for heldout3) other lunar / solar-term days by Gregorian year (from a lunar calendar table).
# 腊八 and 腊月二十三 fall in January/February of the Gregorian year after their lunar year.
OTHER_HOLIDAYS = {
    "清明": {2025: date(2025, 4, 4), 2026: date(2026, 4, 5)},
    "端午": {2024: date(2024, 6, 10), 2025: date(2025, 5, 31), 2026: date(2026, 6, 19)},
    "中秋": {2024: date(2024, 9, 17), 2025: date(2025, 10, 6), 2026: date(2026, 9, 25)},
    "腊八": {2025: date(2025, 1, 7), 2026: date(2026, 1, 26)},
    "腊月二十三": {2025: date(2025, 1, 22), 2026: date(2026, 2, 10)},
    # (added for heldout4) winter solstice
    "冬至": {2025: date(2025, 12, 21), 2026: date(2026, 12, 22)},
    # (added for heldout5) 七夕 = 7th of the 7th lunar month, 重阳 = 9th of the 9th lunar month
    "七夕": {2025: date(2025, 8, 29), 2026: date(2026, 8, 19)},
    "重阳": {2025: date(2025, 10, 29), 2026: date(2026, 10, 18)},
    # (added for heldout6, from lunar_python) 小年 as in the north (腊月二十三), and two plain lunar days
    "小年": {2025: date(2025, 1, 22), 2026: date(2026, 2, 10)},
    "腊月十八": {2025: date(2025, 1, 17), 2026: date(2026, 2, 5)},
    "正月初六": {2025: date(2025, 2, 3), 2026: date(2026, 2, 22)},
    # (added for heldout7, from lunar_python) solar terms, 龙抬头 (二月二), 七月半 (中元, 7/15 lunar),
    # and 母亲节 (second Sunday of May)
    "大寒": {2025: date(2025, 1, 20), 2026: date(2026, 1, 20)},
    "龙抬头": {2025: date(2025, 3, 1), 2026: date(2026, 3, 20)},
    "立夏": {2025: date(2025, 5, 5), 2026: date(2026, 5, 5)},
    "母亲节": {2025: date(2025, 5, 11), 2026: date(2026, 5, 10)},
    "处暑": {2025: date(2025, 8, 23), 2026: date(2026, 8, 23)},
    "七月半": {2025: date(2025, 9, 6), 2026: date(2026, 8, 27)},
    "霜降": {2025: date(2025, 10, 23), 2026: date(2026, 10, 23)},
    "立冬": {2025: date(2025, 11, 7), 2026: date(2026, 11, 7)},
    # (added for heldout8, from lunar_python) more solar terms, and lunar 三月三 (上巳), 四月初八 (浴佛节),
    # 十月初一 (寒衣节)
    "小寒": {2025: date(2025, 1, 5), 2026: date(2026, 1, 5)},
    "立春": {2025: date(2025, 2, 3), 2026: date(2026, 2, 4)},
    "春分": {2025: date(2025, 3, 20), 2026: date(2026, 3, 20)},
    "谷雨": {2025: date(2025, 4, 20), 2026: date(2026, 4, 20)},
    "芒种": {2025: date(2025, 6, 5), 2026: date(2026, 6, 5)},
    "夏至": {2025: date(2025, 6, 21), 2026: date(2026, 6, 21)},
    "小暑": {2025: date(2025, 7, 7), 2026: date(2026, 7, 7)},
    "立秋": {2025: date(2025, 8, 7), 2026: date(2026, 8, 7)},
    "白露": {2025: date(2025, 9, 7), 2026: date(2026, 9, 7)},
    "小雪": {2025: date(2025, 11, 22), 2026: date(2026, 11, 22)},
    "大雪": {2025: date(2025, 12, 7), 2026: date(2026, 12, 7)},
    "三月三": {2025: date(2025, 3, 31), 2026: date(2026, 4, 19)},
    "四月初八": {2025: date(2025, 5, 5), 2026: date(2026, 5, 24)},
    "十月初一": {2025: date(2025, 11, 20), 2026: date(2026, 11, 9)},
    # (added for heldout10, from lunar_python) five more solar terms
    "惊蛰": {2025: date(2025, 3, 5), 2026: date(2026, 3, 5)},
    "小满": {2025: date(2025, 5, 21), 2026: date(2026, 5, 21)},
    "大暑": {2025: date(2025, 7, 22), 2026: date(2026, 7, 23)},
    "秋分": {2025: date(2025, 9, 23), 2026: date(2026, 9, 23)},
    "寒露": {2025: date(2025, 10, 8), 2026: date(2026, 10, 8)},
    # (added for heldout12, from lunar_python) 入伏 (first day of 初伏), 腊月二十八, and 父亲节 (third Sunday of June)
    "入伏": {2025: date(2025, 7, 20), 2026: date(2026, 7, 15)},
    "腊月二十八": {2025: date(2025, 1, 27), 2026: date(2026, 2, 15)},
    "父亲节": {2025: date(2025, 6, 15), 2026: date(2026, 6, 21)},
    # (added for heldout13, from lunar_python) lunar 八月十五 (= 中秋) and 九月初九 (= 重阳) said as lunar days
    "八月十五": {2025: date(2025, 10, 6), 2026: date(2026, 9, 25)},
    "九月初九": {2025: date(2025, 10, 29), 2026: date(2026, 10, 18)},
    # (added for heldout14, from lunar_python) 二月二 said without 龙抬头 (= 龙抬头)
    "二月二": {2025: date(2025, 3, 1), 2026: date(2026, 3, 20)},
    # (added for heldout15, from lunar_python) 腊月二十四, the southern 小年 (Jiangsu, Zhejiang, Shanghai ...)
    "腊月二十四": {2025: date(2025, 1, 23), 2026: date(2026, 2, 11)},
    # (added for heldout20, from lunar_python) 火把节 of the Yi (农历六月二十四; 2025 uses the regular sixth month)
    "火把节": {2025: date(2025, 7, 18), 2026: date(2026, 8, 6)},
    # (added for heldout78) 中元节 = 七月半 (lunar 7/15), same days as 七月半 above
    "中元节": {2025: date(2025, 9, 6), 2026: date(2026, 8, 27)},
}


# ------------------------------------------------------------------ helpers
def id_check_digit(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def parse_iso(value: Any) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


CN_DIGIT = {
    "零": "0",
    "〇": "0",
    "洞": "0",
    "一": "1",
    "幺": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "x": "X",
    # (added for heldout14) full-width digits typed with a Chinese input method
    "０": "0", "１": "1", "２": "2", "３": "3", "４": "4",
    "５": "5", "６": "6", "７": "7", "８": "8", "９": "9",
}


def digits_view(text: str) -> str:
    """Text with spoken digits mapped to 0-9 and separators removed (for substring checks)."""
    out = []
    for ch in text:
        if ch in " \t\n,，、.。…-—–:：;；!！?？":
            continue
        out.append(CN_DIGIT.get(ch, ch))
    return "".join(out)


def cn_number(s: str) -> int:
    """Small Chinese or Arabic number (1-31, or a digit-by-digit year)."""
    if s.isdigit():
        return int(s)
    if all(c in CN_DIGIT for c in s) and len(s) >= 3:  # 二零二六
        return int("".join(CN_DIGIT[c] for c in s))
    vals = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if s == "十":
        return 10
    if "十" in s:
        a, b = s.split("十", 1)
        return (vals[a] if a else 1) * 10 + (vals[b] if b else 0)
    return vals[s]


WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
NUM = r"[0-9]{1,2}|[一二两三四五六七八九十]{1,3}"


def date_candidates(text: str, ref: date) -> set[date]:
    """Resolve the common relative/absolute date expressions found in text against ref."""
    found: set[date] = set()
    monday = ref - timedelta(days=ref.weekday())

    def add(d: date | None) -> None:
        if d is not None:
            found.add(d)

    for m in re.finditer(r"(大前天|前天|昨天|昨儿|今天|今儿)", text):
        w = m.group(1)
        add(ref - timedelta(days={"大前天": 3, "前天": 2, "昨天": 1, "昨儿": 1, "今天": 0, "今儿": 0}[w]))
    for m in re.finditer(r"(上上|上|这|本)个?(?:周|礼拜|星期)([一二三四五六日天])", text):
        off = {"上上": -2, "上": -1, "这": 0, "本": 0}[m.group(1)]
        add(monday + timedelta(weeks=off, days=WEEKDAY[m.group(2)]))
    for m in re.finditer(rf"(这个月|本月|上个月)({NUM})[号日]", text):
        first = ref.replace(day=1)
        if m.group(1) == "上个月":
            first = (first - timedelta(days=1)).replace(day=1)
        with contextlib.suppress(ValueError):
            add(first.replace(day=cn_number(m.group(2))))
    # (added for heldout5) a weekday without 上/这/本/下 (周三, 礼拜四, 星期天) = the most recent such day before ref;
    # a bare day of month (十五号, 6号; not 月N号, not 3号线/2号床) = that day of this month, else of last month.
    for m in re.finditer(r"(上上|上|这|本|下)?个?(?:周|礼拜|星期)([一二三四五六日天])", text):
        if m.group(1) is None:
            back = (ref.weekday() - WEEKDAY[m.group(2)]) % 7 or 7
            add(ref - timedelta(days=back))
    for m in re.finditer(rf"(?<![0-9月一二两三四五六七八九十幺洞零〇])({NUM})号(?![楼线床门院室码])", text):
        day = cn_number(m.group(1))
        with contextlib.suppress(ValueError):
            d = ref.replace(day=day)
            if d > ref:
                raise ValueError
            add(d)
            continue
        with contextlib.suppress(ValueError):
            add((ref.replace(day=1) - timedelta(days=1)).replace(day=day))
    if re.search(r"上个?月底", text):
        add(ref.replace(day=1) - timedelta(days=1))
    # (added for heldout26) 上个月最后一天 / 上月最后一天 = 上个月底
    if re.search(r"上个?月\s*(?:的)?\s*最后一天", text):
        add(ref.replace(day=1) - timedelta(days=1))
    for m in re.finditer(rf"(?:([0-9]{{4}}|[零〇一二三四五六七八九]{{4}})年)?({NUM})月({NUM})[号日]", text):
        try:
            month, day = cn_number(m.group(2)), cn_number(m.group(3))
            if m.group(1):
                add(date(cn_number(m.group(1)), month, day))
            else:
                d = date(ref.year, month, day)
                add(d if d <= ref else date(ref.year - 1, month, day))
        except (ValueError, KeyError):
            pass
    for word, (mo, dy) in {"元旦": (1, 1), "国庆": (10, 1), "情人节": (2, 14), "五一": (5, 1),
                              # (added for heldout4)
                              "三八节": (3, 8), "儿童节": (6, 1), "双十一": (11, 11),
                              # (added for heldout7)
                              "建军节": (8, 1), "教师节": (9, 10), "圣诞": (12, 25),
                              # (added for heldout8)
                              "植树节": (3, 12), "建党节": (7, 1), "平安夜": (12, 24)}.items():
        if word in text:
            year = ref.year - 1 if ("去年" + word) in text else ref.year
            d = date(year, mo, dy)
            add(d if d <= ref else date(year - 1, mo, dy))
    if "大年初一" in text or "春节" in text:
        year = ref.year - 1 if "去年" in text else ref.year
        sf = SPRING_FESTIVAL.get(year)
        if sf is not None and sf > ref:
            sf = SPRING_FESTIVAL.get(year - 1)
        add(sf)
    # (added for heldout2) 前儿/前儿个 = 前天; days counted from Spring Festival:
    # 除夕 = day before, 大年初N = day N, 正月十五/元宵节 = day 15 of the first lunar month.
    for _ in re.finditer(r"(?<!大)前儿", text):
        add(ref - timedelta(days=2))
    # (added for heldout3) dialect day words: 大前儿 = 大前天, 前日 (Cantonese) = 前天, 昨个/昨暝 = 昨天;
    # and the OTHER_HOLIDAYS days (去年X = last year's)
    for m in re.finditer(r"(大前儿|前日|昨个|昨暝)", text):
        add(ref - timedelta(days={"大前儿": 3, "前日": 2, "昨个": 1, "昨暝": 1}[m.group(1)]))
    for word, by_year in OTHER_HOLIDAYS.items():
        if word in text:
            year = ref.year - 1 if ("去年" + word) in text else ref.year
            d = by_year.get(year)
            if d is not None and d > ref:
                d = by_year.get(year - 1)
            add(d)
    # (added for heldout21) dates typed with digits in app/WeChat forms: 2026-07-04, 2026.7.4, 2026/7/4,
    # and a bare 11.15 / 11/15 (month.day; this year, else last year); 昨晚 = 昨天.
    for m in re.finditer(r"(?<![0-9])(20[0-9]{2})[-./](1[0-2]|0?[1-9])[-./](3[01]|[12][0-9]|0?[1-9])(?![0-9])", text):
        with contextlib.suppress(ValueError):
            add(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in re.finditer(r"(?<![0-9./-])(1[0-2]|0?[1-9])[./](3[01]|[12][0-9]|0?[1-9])(?![0-9./])", text):
        with contextlib.suppress(ValueError):
            d = date(ref.year, int(m.group(1)), int(m.group(2)))
            add(d if d <= ref else date(ref.year - 1, d.month, d.day))
    if "昨晚" in text:
        add(ref - timedelta(days=1))
    # (added for heldout22) Cantonese 琴日/寻日 and written 昨日 (= 昨天), Hakka 昨晡日 (= 昨天), 今日/今晡日 (= 今天)
    for m in re.finditer(r"(琴日|寻日|昨晡日|昨日|今晡日|今日)", text):
        add(ref - timedelta(days=0 if m.group(1).startswith("今") else 1))
    # (added for heldout24) northern dialect word for yesterday: 夜个/夜儿个 (Hebei, Henan, Shandong, Shanxi)
    for _ in re.finditer(r"夜儿?个", text):
        add(ref - timedelta(days=1))
    lunar: list[int] = []
    if "除夕" in text:
        lunar.append(-1)
    lunar += [cn_number(m.group(1)) - 1 for m in re.finditer(r"大年初([一二三四五六七八九十])", text)]
    if "正月十五" in text or "元宵" in text:
        lunar.append(14)
    for off in lunar:
        year = ref.year - 1 if "去年" in text else ref.year
        sf = SPRING_FESTIVAL.get(year)
        if sf is not None and sf + timedelta(days=off) > ref:
            sf = SPRING_FESTIVAL.get(year - 1)
        if sf is not None:
            add(sf + timedelta(days=off))
    return found


# ------------------------------------------------------------------ slot checks
class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def note(self, where: str, msg: str) -> None:
        self.notes.append(f"{where}: {msg}")


def check_id(v: Any, ref: date, where: str, rep: Report) -> None:
    if not isinstance(v, str) or not re.fullmatch(r"\d{17}[\dX]", v):
        rep.err(where, f"insured_id format {v!r}")
        return
    if v[:6] not in REGIONS or v[4:6] == "00":
        rep.err(where, f"insured_id area code {v[:6]} not a known county-level code")
    try:
        birth = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        rep.err(where, f"insured_id birth date {v[6:14]} invalid")
        return
    age = (ref - birth).days / 365.25
    if not 0 <= age <= 105:
        rep.err(where, f"insured_id birth date {birth} implausible (age {age:.1f})")
    if id_check_digit(v[:17]) != v[17]:
        rep.err(where, f"insured_id check digit: want {id_check_digit(v[:17])}, have {v[17]}")


def check_phone(v: Any, where: str, rep: Report) -> None:
    if not isinstance(v, str) or not re.fullmatch(r"1\d{10}", v) or v[:3] not in MOBILE_PREFIXES:
        rep.err(where, f"contact_phone {v!r} not a valid mobile number")


def check_place(v: Any, where: str, rep: Report) -> None:
    if not isinstance(v, dict) or set(v) != {"province", "city", "district"}:
        rep.err(where, f"accident_place shape {v!r}")
        return
    p, c, d = v["province"], v["city"], v["district"]
    if p not in PROVINCES:
        rep.err(where, f"province {p!r} not an official provincial name")
    if p in MUNICIPALITIES and c != p:
        rep.err(where, f"municipality city should be {p!r}, got {c!r}")
    if not isinstance(c, str) or not c:
        rep.err(where, "city missing")
    if d is not None and not isinstance(d, str):
        rep.err(where, "district must be a string or null")
    known = set(REGIONS.values())
    if d is None:
        if not any(k[0] == p and k[1] == c for k in known):
            rep.err(where, f"unknown province/city {p}/{c}")
    elif (p, c, d) not in known:
        rep.err(where, f"unknown place {p}/{c}/{d}")


def check_slot(slot: str, v: Any, ref: date, where: str, rep: Report) -> None:
    w = f"{where}.{slot}"
    if slot == "relation":
        if v not in RELATIONS:
            rep.err(w, f"{v!r} not in {sorted(RELATIONS)}")
    elif slot == "insured_name":
        if not isinstance(v, str) or not NAME_RE.match(v):
            rep.err(w, f"{v!r} is not a 2-4 character Chinese name")
    elif slot == "insured_id":
        check_id(v, ref, w, rep)
    elif slot == "contact_phone":
        check_phone(v, w, rep)
    elif slot == "accident_date":
        d = parse_iso(v)
        if d is None:
            rep.err(w, f"{v!r} not YYYY-MM-DD")
        elif d > ref:
            rep.err(w, f"{d} is after ref_date {ref}")
        elif (ref - d).days > 730:
            rep.err(w, f"{d} more than two years before ref_date")
    elif slot == "accident_place":
        check_place(v, w, rep)
    elif slot == "cause":
        if v not in CAUSES:
            rep.err(w, f"{v!r} not in {sorted(CAUSES)}")
    elif slot == "diagnosis":
        if not isinstance(v, dict) or set(v) != {"term", "icd10"}:
            rep.err(w, f"shape {v!r}")
            return
        if not isinstance(v["term"], str) or not HAN_RE.search(v["term"]):
            rep.err(w, f"term {v['term']!r} not a Chinese term")
        codes = v["icd10"]
        if not isinstance(codes, list) or not codes or len(set(codes)) != len(codes):
            rep.err(w, f"icd10 must be a non-empty list without repeats: {codes!r}")
        elif not all(isinstance(c, str) and ICD_RE.match(c) for c in codes):
            rep.err(w, f"icd10 entries must be 3-character categories: {codes!r}")
    elif slot == "treatment":
        if not isinstance(v, dict) or set(v) != {"hospital", "status"}:
            rep.err(w, f"shape {v!r}")
            return
        if v["status"] not in STATUSES:
            rep.err(w, f"status {v['status']!r} not in {sorted(STATUSES)}")
        if v["hospital"] is not None and v["hospital"] not in HOSPITALS:
            rep.err(w, f"hospital {v['hospital']!r} not in the allowed official-name list")
    else:
        rep.err(w, "unknown slot")


def check_text_consistency(slots: dict[str, Any], texts: dict[str, str], ref: date, where: str, rep: Report) -> None:
    """Labels must be findable in what the caller said (texts[slot] = the text relevant to that slot)."""

    def text_for(slot: str) -> str:
        return texts[slot]

    if "insured_id" in slots and isinstance(slots["insured_id"], str):
        v = slots["insured_id"]
        dv = digits_view(text_for("insured_id"))
        if v not in dv and not (v[17] == "X" and v[:17] in dv and "X" in dv[dv.index(v[:17]) + 17 :]):
            rep.err(where, f"insured_id {v} not found in text")
    phone = slots.get("contact_phone")
    if isinstance(phone, str) and phone not in digits_view(text_for("contact_phone")):
        rep.err(where, f"contact_phone {slots['contact_phone']} not found in text")
    name = slots.get("insured_name")
    if isinstance(name, str) and name not in text_for("insured_name"):
        rep.err(where, f"insured_name {slots['insured_name']} not found in text")
    if "accident_date" in slots:
        d = parse_iso(slots["accident_date"])
        cands = date_candidates(text_for("accident_date"), ref)
        if d is not None:
            if not cands:
                rep.note(where, f"accident_date {d} not verified (no recognised date expression)")
            elif d not in cands:
                rep.err(where, f"accident_date {d} but text resolves to {sorted(map(str, cands))}")
    h = slots.get("treatment", {}).get("hospital") if isinstance(slots.get("treatment"), dict) else None
    if h is not None and not HAN_RE.search(text_for("treatment")):
        rep.err(where, "hospital labelled but no text")


# ------------------------------------------------------------------ files
def load_jsonl(path: Path, rep: Report) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not path.exists():
        rep.err(path.name, "missing")
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            rep.err(f"{path.name}:{n}", "blank line")
            continue
        if "\\u" in line:
            rep.err(f"{path.name}:{n}", "escaped unicode (write with ensure_ascii=False)")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            rep.err(f"{path.name}:{n}", f"bad JSON: {e}")
            continue
        if not isinstance(obj, dict):
            rep.err(f"{path.name}:{n}", "not a JSON object")
            continue
        rows.append(obj)
    return rows


def get_ref(obj: dict[str, Any], where: str, rep: Report) -> date | None:
    ref = parse_iso(obj.get("ref_date"))
    if ref is None or ref.year != 2026:
        rep.err(where, f"ref_date {obj.get('ref_date')!r} must be a 2026 YYYY-MM-DD date")
        return None
    return ref


def check_items(rep: Report, prefix: str = "heldout") -> dict[str, int]:
    items_file, expected = HERE / f"{prefix}_items.jsonl", SETS[prefix][0]
    rows = load_jsonl(items_file, rep)
    if len(rows) != expected:
        rep.err(items_file.name, f"{len(rows)} lines, expected {expected}")
    sizes = {"single(1)": 0, "short(2-4)": 0, "long(5-9)": 0}
    seen: set[str] = set()
    for n, obj in enumerate(rows, 1):
        where = f"{prefix}_items:{n}"
        if set(obj) != {"ref_date", "text", "slots"}:
            rep.err(where, f"keys {sorted(obj)}")
            continue
        ref = get_ref(obj, where, rep)
        text, slots = obj["text"], obj["slots"]
        if not isinstance(text, str) or not HAN_RE.search(text):
            rep.err(where, "text empty or not Chinese")
            continue
        if text in seen:
            rep.err(where, "duplicate text")
        seen.add(text)
        if not isinstance(slots, dict) or not slots:
            rep.err(where, "slots must be a non-empty object")
            continue
        for k in slots:
            if k not in SLOTS:
                rep.err(where, f"unknown slot {k!r}")
        if ref is None:
            continue
        for k, v in slots.items():
            if k in SLOTS:
                check_slot(k, v, ref, where, rep)
        check_text_consistency(slots, dict.fromkeys(SLOTS, text), ref, where, rep)
        k = len(slots)
        sizes["single(1)" if k == 1 else "short(2-4)" if k <= 4 else "long(5-9)"] += 1
    return sizes


def check_dialogs(rep: Report, prefix: str = "heldout") -> None:
    dialogs_file, expected = HERE / f"{prefix}_dialogs.jsonl", SETS[prefix][1]
    rows = load_jsonl(dialogs_file, rep)
    if len(rows) != expected:
        rep.err(dialogs_file.name, f"{len(rows)} lines, expected {expected}")
    for n, obj in enumerate(rows, 1):
        where = f"{prefix}_dialogs:{n}"
        if set(obj) != {"ref_date", "opening", "facts", "answers"}:
            rep.err(where, f"keys {sorted(obj)}")
            continue
        ref = get_ref(obj, where, rep)
        opening, facts, answers = obj["opening"], obj["facts"], obj["answers"]
        if not isinstance(opening, str) or not HAN_RE.search(opening):
            rep.err(where, "opening empty or not Chinese")
            continue
        if not isinstance(facts, dict) or set(facts) != set(SLOTS):
            have = sorted(facts) if isinstance(facts, dict) else facts
            rep.err(where, f"facts must have exactly the nine slots, has {have}")
            continue
        if not isinstance(answers, dict) or set(answers) != set(SLOTS):
            rep.err(where, "answers must have exactly the nine slots")
            continue
        for k, a in answers.items():
            if not isinstance(a, str) or not a.strip():
                rep.err(where, f"answer for {k} empty")
        if ref is None:
            continue
        for k, v in facts.items():
            check_slot(k, v, ref, where, rep)
        check_text_consistency(facts, {s: opening + "\n" + answers[s] for s in SLOTS}, ref, where, rep)
        # the date answer on its own must resolve to the fact (answers are relative to ref_date)
        d = parse_iso(facts["accident_date"])
        cands = date_candidates(answers["accident_date"], ref)
        if d is not None and cands and d not in cands:
            rep.err(where, f"accident_date answer resolves to {sorted(map(str, cands))}, fact {d}")


def main(argv: list[str]) -> int:
    prefixes = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--prefix"] or list(SETS)
    for prefix in prefixes:
        if prefix not in SETS:
            print(f"unknown --prefix {prefix!r}; known: {sorted(SETS)}")
            return 2
    rep = Report()
    all_sizes = {}
    for prefix in prefixes:
        all_sizes[prefix] = check_items(rep, prefix)
        check_dialogs(rep, prefix)
    for e in rep.errors:
        print("ERROR", e)
    if "--verbose" in argv:
        for x in rep.notes:
            print("note ", x)
    for prefix, sizes in all_sizes.items():
        print(f"{prefix} items by number of slots: {sizes}")
    print(f"{len(rep.errors)} errors, {len(rep.notes)} notes")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
