"""Every string a person reads, in English and Simplified Chinese, in one table, and the
formats that depend on the language (numbers, amounts, dates, lists, colons).

Terminology follows one glossary (the `role.*`, `kind.*`, `funder_type.*` entries are the
terms used everywhere else). Data values come from the `_zh` columns of the package.
"""

from __future__ import annotations

import string
from datetime import date

import pandas as pd

LANGUAGES = ("en", "zh")
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}

STRINGS: dict[str, dict[str, str]] = {
    # App chrome
    "app.title": {"en": "UNDP China portfolio results", "zh": "联合国开发计划署驻华项目成果"},
    "app.subtitle": {
        "en": "Where the projects work, whom they reached, who paid, and what changed in policy",
        "zh": "项目在哪里开展、惠及了谁、由谁出资、带来了哪些政策变化",
    },
    "nav.overview": {"en": "Overview", "zh": "概览"},
    "nav.map": {"en": "Map", "zh": "地图"},
    "nav.reach": {"en": "Reach", "zh": "受益人数"},
    "nav.funding": {"en": "Funding", "zh": "资金"},
    "nav.milestones": {"en": "Milestones", "zh": "里程碑"},
    "nav.projects": {"en": "Projects", "zh": "项目"},
    "nav.sources": {"en": "Sources and data gaps", "zh": "来源与数据缺口"},
    "lang.label": {"en": "Language", "zh": "语言"},
    # Filter bar
    "filters.heading": {"en": "Filters", "zh": "筛选"},
    "filters.project": {"en": "Projects", "zh": "项目"},
    "filters.province": {"en": "Provinces", "zh": "省份"},
    "filters.from": {"en": "From year", "zh": "起始年份"},
    "filters.to": {"en": "To year", "zh": "截止年份"},
    "filters.all": {"en": "All", "zh": "全部"},
    "filters.all_projects": {"en": "All projects", "zh": "全部项目"},
    "filters.all_provinces": {"en": "All provinces", "zh": "全部省份"},
    "filters.period_help": {
        "en": "A project counts when what is known of its active period overlaps the range; milestones count by their own date.",
        "zh": "项目的已知实施期与所选年份范围有重叠即计入；里程碑按其自身日期计入。",
    },
    "filters.province_help": {
        "en": "Keeps the projects that work in a chosen province, in any role. Their funding and reach stay project-wide: no source splits them by province.",
        "zh": "保留在所选省份以任何角色开展工作的项目。其资金和受益人数为项目整体数字，来源文件未按省份细分。",
    },
    "filters.active": {"en": "Showing", "zh": "当前显示"},
    "filters.period": {"en": "{start}–{end}", "zh": "{start}—{end}年"},
    "filters.left_out": {
        "en": "The period filter left out {projects} project(s) and {milestones} milestone(s) with no usable dates: {names}.",
        "zh": "年份筛选排除了{projects}个项目和{milestones}个里程碑，因其缺少可用日期：{names}。",
    },
    "url.ignored": {"en": "Left out of the address, not understood: {values}.", "zh": "网址中以下内容无法识别，已略去：{values}。"},
    "url.slide": {"en": "There is no slide {asked}; slide {shown} of {count} is shown.", "zh": "没有第{asked}页，现显示第{shown}页（共{count}页）。"},
    "filters.reset": {"en": "Clear all filters", "zh": "清除全部筛选"},
    "filters.none_match": {
        "en": "No project matches these filters. Widen the period or clear a filter.",
        "zh": "没有符合这些筛选条件的项目。请扩大年份范围或清除筛选。",
    },
    # Views of every figure
    "view.chart": {"en": "Chart", "zh": "图表"},
    "view.table": {"en": "Table", "zh": "表格"},
    "view.sources": {"en": "Sources", "zh": "来源"},
    "view.download": {"en": "Download CSV", "zh": "下载CSV"},
    "view.download_xlsx": {"en": "Download Excel", "zh": "下载Excel"},
    "view.no_data": {"en": "Nothing to show for these filters.", "zh": "在当前筛选条件下没有可显示的内容。"},
    # Headline figures
    "kpi.projects": {"en": "Projects", "zh": "项目数"},
    "kpi.projects_in": {"en": "Projects working in {where}", "zh": "在{where}开展工作的项目"},
    "kpi.exact": {"en": "Exact figure: {value}", "zh": "精确数字：{value}"},
    # Amounts of different kinds, each on its own card and never added together.
    "kpi.budget": {"en": "Published budget", "zh": "公开预算"},
    "kpi.budget_in": {"en": "Their published budget, project-wide", "zh": "上述项目的公开预算（全项目）"},
    "kpi.budget_note": {"en": "UNDP's IATI file, budget periods in {period}", "zh": "开发计划署IATI文件，预算期在{period}内"},
    "kpi.budget_help": {
        "en": "Budgets UNDP publishes for each project and output, for the periods that overlap the years chosen; a revised budget replaces the original of its period. Exact figure: {value}",
        "zh": "开发计划署为各项目及产出公布的预算，取与所选年份重叠的预算期；修订预算取代同期的原始预算。精确数字：{value}",
    },
    "kpi.spending": {"en": "Spending", "zh": "支出"},
    "kpi.spending_in": {"en": "Their spending, project-wide", "zh": "上述项目的支出（全项目）"},
    "kpi.spending_share": {"en": "{share}% of the published budget", "zh": "占公开预算的{share}%"},
    "kpi.spending_note": {"en": "UNDP's IATI file, {period}", "zh": "开发计划署IATI文件，{period}"},
    "kpi.spending_help": {
        "en": "Disbursements and expenditure UNDP publishes, dated in the years chosen, reversals netted (UNDP's IATI file). Exact figure: {value}",
        "zh": "开发计划署公布的拨付与支出，日期在所选年份内，冲销已抵扣（开发计划署IATI文件）。精确数字：{value}",
    },
    "kpi.funders": {"en": "Funders", "zh": "出资方"},
    "kpi.funders_in": {"en": "Their funders", "zh": "上述项目的出资方"},
    "kpi.funders_note": {"en": "named in the project documents or UNDP's IATI file", "zh": "见于项目文件或开发计划署IATI文件"},
    "kpi.documented": {"en": "Funding in the project documents", "zh": "项目文件所载资金"},
    "kpi.documented_in": {"en": "Their documented funding, project-wide", "zh": "上述项目文件所载资金（全项目）"},
    "kpi.no_amount": {"en": "{n} project(s) have no amount in any source: {names}", "zh": "{n}个项目在任何来源中均无金额：{names}"},
    "kpi.every_amount": {"en": "Every project has an amount in a source", "zh": "每个项目均有来源所载金额"},
    "kpi.participants": {"en": "Participants reached", "zh": "受益人数"},
    "kpi.participants_largest": {"en": "Largest participant figure", "zh": "最大的受益人数"},
    "kpi.participants_one": {"en": "{audience} ({project})", "zh": "对象：{audience}（{project}）"},
    "kpi.participants_more": {
        "en": "{audience} ({project}). One of {n} figures for different audiences, not added up: see Reach",
        "zh": "{audience}（{project}）。共{n}个数字，对象不同，不相加：见“受益”页",
    },
    "kpi.participants_indicator": {
        "en": "UNDP's results indicator, {who}, latest actual. One of {n} figures for different audiences, not added up: see Reach",
        "zh": "开发计划署成果指标，{who}，最新实际值。共{n}个数字，对象不同，不相加：见“受益”页",
    },
    "kpi.participants_indicator_help": {"en": "{indicator}: {value}, as UNDP publishes it.", "zh": "{indicator}：{value}，依开发计划署公布。"},
    "kpi.provinces": {"en": "Provinces covered", "zh": "覆盖省份"},
    "kpi.provinces_note": {"en": "plus {n} place(s) the sources do not name", "zh": "另有{n}处地点来源未具名"},
    "kpi.places_in": {"en": "Places named in {where}", "zh": "{where}的具名地点"},
    "kpi.places_note": {"en": "Roles there: {roles}", "zh": "在当地的角色：{roles}"},
    "kpi.milestones_of": {"en": "Milestones of these projects", "zh": "上述项目的里程碑"},
    "kpi.milestones_in_note": {"en": "{k} tied to {where}; {n} policy uptake; {p} more planned", "zh": "其中{k}项与{where}相关；政策采纳{n}项；另有{p}项计划中"},
    "kpi.milestones": {"en": "Milestones achieved", "zh": "已实现的里程碑"},
    "kpi.milestones_note": {"en": "of which {n} policy uptake; {p} more planned", "zh": "其中政策采纳{n}项；另有{p}项计划中"},
    "kpi.not_reported": {"en": "not reported", "zh": "未报告"},
    # Overview
    "overview.recent": {"en": "Most recent milestones", "zh": "最新里程碑"},
    "overview.recent_in": {"en": "Most recent milestones in {where}", "zh": "{where}的最新里程碑"},
    "overview.none_in": {"en": "No milestone is tied to {where}.", "zh": "没有与{where}相关的里程碑。"},
    "overview.map": {"en": "Where the projects work", "zh": "项目开展地点"},
    "overview.open_map": {"en": "Open the full map", "zh": "打开完整地图"},
    # Map
    "map.title": {"en": "Projects by province", "zh": "各省项目分布"},
    "map.colour_count": {"en": "Colour: number of projects working in the province", "zh": "颜色：在该省开展工作的项目数"},
    "map.colour_role": {"en": "Colour and letter: the province's role in {project}", "zh": "颜色和字母：该省在{project}中的角色"},
    "map.click_hint": {
        "en": "Click a province to filter by it; click it again, or use the province list, to clear.",
        "zh": "点击省份即可按该省筛选；再次点击或在省份列表中清除。",
    },
    "map.disclaimer": {
        "en": "Boundaries are simplified for display at country scale and do not imply official endorsement or acceptance by the United Nations or UNDP.",
        "zh": "地图边界为全国尺度显示而作了简化，不代表联合国或联合国开发计划署的正式认可或接受。",
    },
    "map.national": {"en": "National and international work (no province)", "zh": "全国性和国际性工作（无具体省份）"},
    "map.unnamed": {"en": "Places the sources do not name", "zh": "来源未具名的地点"},
    "map.panel": {"en": "In {province}", "zh": "{province}的项目"},
    "map.panel_hint": {"en": "Choose a province on the map or in the filter to see everything there.", "zh": "在地图上或筛选栏中选择省份，即可查看该省的全部内容。"},
    "map.projects_n": {"en": "{n} project(s)", "zh": "{n}个项目"},
    "map.section_provinces": {"en": "Provinces", "zh": "省份"},
    "map.section_places": {"en": "Counties and places", "zh": "县和地点"},
    "map.places_tab_hint": {"en": "Its counties and the places projects work at are under Counties and places.", "zh": "其县级区划和项目所在地点见“县和地点”。"},
    "map.places_in": {"en": "Places in {provinces}", "zh": "{provinces}的项目地点"},
    "map.places_country": {"en": "Places across China", "zh": "全国的项目地点"},
    "map.places_hint": {
        "en": "Choose a province to see its counties and the places projects work at; or switch on the places across the country.",
        "zh": "选择省份可查看其县级区划和项目所在地点；也可打开全国的项目地点。",
    },
    "map.country_toggle": {"en": "Places across the country", "zh": "全国的项目地点"},
    "map.size_by": {"en": "Size", "zh": "大小"},
    "map.size.projects": {"en": "Number of projects", "zh": "项目数"},
    "map.size.budget": {"en": "Published budget", "zh": "已公布预算"},
    "map.colour_by": {"en": "Colour", "zh": "颜色"},
    "map.colour.theme": {"en": "Theme", "zh": "主题"},
    "map.colour.role": {"en": "Role", "zh": "角色"},
    "map.drawn.point": {"en": "At the point UNDP publishes", "zh": "位于开发署公布的坐标"},
    "map.drawn.centre": {"en": "Ring: inside the county or prefecture named (no point published)", "zh": "圆环：位于所述县或地级区划内（未公布坐标）"},
    "map.worked_counties": {"en": "County with a place drawn", "zh": "有项目地点的县"},
    "map.several_themes": {"en": "Several themes, none leading", "zh": "多个主题，无主导"},
    "map.several_roles": {"en": "Several roles, none leading", "zh": "多种角色，无主导"},
    "map.colour_rule": {"en": "Colour: the {what} most of the place's projects share.", "zh": "颜色：该地点多数项目共有的{what}。"},
    "map.other_themes": {"en": "Other themes", "zh": "其他主题"},
    "map.places_n": {"en": "{n} place(s)", "zh": "{n}个地点"},
    "map.tip_more": {"en": " and {n} more", "zh": "等另外{n}个"},
    "map.tip_budget": {"en": "Published budgets of these projects: {amount} (project-wide)", "zh": "这些项目的已公布预算：{amount}（全项目）"},
    "map.tip_no_budget": {"en": "No published budget", "zh": "无已公布预算"},
    "map.cell_tip": {"en": "{places} place(s), {projects} project(s) in this {degrees}° square", "zh": "此{degrees}°方格内：{places}个地点，{projects}个项目"},
    "map.size_projects": {"en": "Size: number of projects at the place, from {low} to {high}.", "zh": "大小：该地点的项目数，从{low}到{high}。"},
    "map.size_budget": {
        "en": "Size: published budgets of the projects at the place, project-wide (not split by place), from {low} to {high}.",
        "zh": "大小：该地点项目的已公布预算（全项目，未按地点拆分），从{low}到{high}。",
    },
    "map.size_budget_missing": {"en": "{n} place(s) whose projects have none are drawn smallest.", "zh": "{n}个项目均无预算的地点以最小尺寸显示。"},
    "map.size_no_budget": {"en": "Size: no project here has a published budget; every place is drawn the same size.", "zh": "大小：此处项目均无已公布预算，所有地点大小相同。"},
    "map.country_points": {"en": "{n} place(s) across the country in grey.", "zh": "灰色为全国{n}个地点。"},
    "map.country_cells": {
        "en": "{n} places across the country, more than {limit}: counted in {cells} squares of {degrees}°, darker where there are more.",
        "zh": "全国共{n}个地点，超过{limit}个：按{cells}个{degrees}°方格计数，颜色越深地点越多。",
    },
    "map.undrawn": {
        "en": "Not drawn: {n} mention(s) of the whole province, or of a place with neither a point nor a known county. The table of places below lists them with the rest.",
        "zh": "未绘制：{n}处提及整个省份，或既无坐标也无已知县的地点。下方地点表列出全部地点。",
    },
    "map.place_hint": {
        "en": "Hover a place for its name and projects; click it to list only its projects below. The table of places below holds the same places for keyboard and screen-reader use.",
        "zh": "将鼠标悬停在地点上可查看名称和项目；点击可在下方只列出其项目。下方地点表包含相同内容，便于键盘和读屏使用。",
    },
    "map.at_place": {"en": "At {place}: {n} project(s)", "zh": "{place}：{n}个项目"},
    "map.whole_province": {"en": "Show the whole province", "zh": "显示整个省份"},
    "map.no_projects": {"en": "No project", "zh": "无项目"},
    "map.legend": {"en": "Legend", "zh": "图例"},
    "map.multiple_roles": {"en": "several roles", "zh": "多种角色"},
    "map.project_wide": {
        "en": "Figures are project-wide; the sources do not split them by province.",
        "zh": "数字为项目整体数字，来源文件未按省份细分。",
    },
    # Reach
    "reach.title": {"en": "People and countries reached", "zh": "受益人员与国家"},
    "reach.people": {"en": "Participants reached (people)", "zh": "受益人数（人）"},
    "reach.countries": {"en": "Countries reached (countries)", "zh": "覆盖国家（个）"},
    "reach.not_summed": {
        "en": "Figures are not added across projects: they count different audiences over different periods.",
        "zh": "各项目数字未相加：它们统计的是不同时期的不同对象。",
    },
    "reach.lower_bound": {"en": "lower bound (‘more than’)", "zh": "下限（“超过”）"},
    "reach.exact": {"en": "as reported", "zh": "按报告数字"},
    "reach.indicators": {"en": "People reached in UNDP's results indicators (latest actual)", "zh": "开发计划署成果指标中的受益人数（最新实际值）"},
    "reach.indicators_note": {
        "en": "The {n} largest latest actuals of {total} people-reached indicators; the Table view lists each with its target. Each is the latest period's actual, "
        "never a sum over periods or projects; by-sex figures are shown as UNDP publishes them, with no total it did not publish.",
        "zh": "{total}项受益人数指标中最新实际值最大的{n}项；表格视图逐项列出其目标。每项均为最近一期的实际值，从不跨期或跨项目相加；分性别数据按开发计划署公布的原样列出，不另算其未公布的合计。",
    },
    "milestones.uptake_results": {"en": "Policy uptake in UNDP's results indicators", "zh": "开发计划署成果指标中的政策采纳"},
    "milestones.uptake_results_note": {
        "en": "{n} of {total} policy-uptake indicators show the change happened: the latest actual reaches the target, or its words say adopted, approved, issued … Dated by the end of the reporting period.",
        "zh": "{total}项政策采纳指标中有{n}项显示变化已发生：最新实际值达到目标，或其文字写明已通过、批准、发布等。日期为报告期结束日。",
    },
    "milestones.uptake_results_none": {
        "en": "None of the {total} policy-uptake indicators in view shows the change happened yet (the latest actual reaching its target, or saying adopted, approved, issued …); the Results page lists them.",
        "zh": "当前范围内的{total}项政策采纳指标尚无一项显示变化已发生（最新实际值达到目标，或写明已通过、批准、发布等）；成果页列出全部指标。",
    },
    "results.card_of": {"en": "of {n} indicators (latest period)", "zh": "共{n}项指标（最近一期）"},
    "results.card_uptake": {"en": "Policy uptake shown", "zh": "已显示的政策采纳"},
    "results.card_uptake_note": {"en": "of {n} policy-uptake indicators", "zh": "共{n}项政策采纳指标"},
    "notes.people_indicator": {"en": "{value} people: {indicator} ({who}, latest actual).", "zh": "{value}人：{indicator}（{who}，最新实际值）。"},
    "notes.uptake_indicator": {"en": "Policy uptake: {indicator} ({who}, by {date}).", "zh": "政策采纳：{indicator}（{who}，截至{date}）。"},
    "results.country_programme_n": {"en": "Country programme ({n} projects)", "zh": "国家方案（{n}个项目）"},
    "reach.none": {"en": "No reach figures reported for: {names}.", "zh": "以下项目未报告受益人数：{names}。"},
    # Funding
    "funding.section_funders": {"en": "Funders", "zh": "出资方"},
    "funding.section_delivery": {"en": "Budget and delivery", "zh": "预算与执行"},
    "funding.section_documents": {"en": "Project documents", "zh": "项目文件"},
    "funding.title": {"en": "Funding in the project documents, by project and funder (USD)", "zh": "项目文件所载资金：各项目及出资方（美元）"},
    "funding.by_type": {"en": "Funding in the project documents, by type of funder (USD)", "zh": "项目文件所载资金：按出资方类型（美元）"},
    "funding.published": {"en": "Budgets and spending as UNDP publishes them (IATI)", "zh": "开发计划署公布的预算与支出（IATI）"},
    "funding.budget_spending": {"en": "Budget against spending by year (USD)", "zh": "各年度预算与支出（美元）"},
    "funding.budget_spending_note": {
        "en": "Budgets as published for each year (a revision replaces the original). Spending is disbursements and expenditure by transaction date. The file was published on {date}: later years show budgets only.",
        "zh": "预算为各年度公布数（修订数取代原数）。支出为按交易日期计的拨付和支出。数据文件发布于{date}：此后年份仅有预算。",
    },
    "funding.period_rule": {
        "en": "The years chosen keep the budgets whose period overlaps them and the transactions dated in them; with a province chosen, the amounts of the projects working there stay project-wide (no source splits them by province).",
        "zh": "所选年份保留预算期与之重叠的预算及日期在其内的交易；选定省份时，在当地开展工作的项目的金额仍为全项目数（任何来源均未按省份拆分）。",
    },
    "funding.delivery": {"en": "Delivery: budget against spending by project (USD)", "zh": "执行率：各项目预算与支出（美元）"},
    "funding.delivery_note": {
        "en": "Delivery is spending (disbursements and expenditure, reversals netted) as a share of the published budget, over the completed years up to {year} (the year before UNDP's latest published spending). Rule: a project below {flag}% is flagged, its spending trailing its budget. {n} of {total} projects are flagged; the chart shows the {shown} with the lowest delivery, the table every project (sort it by any column).",
        "zh": "执行率为支出（拨付与支出，冲销已抵扣）占公开预算的比例，计算截至{year}年的已完成年份（开发计划署最新公布支出的前一年）。规则：执行率低于{flag}%的项目予以标记，即支出落后于预算。{total}个项目中有{n}个被标记；图表显示执行率最低的{shown}个，表格列出全部项目（可按任一列排序）。",
    },
    "funding.no_delivery": {"en": "No project in view has both a published budget and published spending for a completed year.", "zh": "所选项目中没有在已完成年份同时公布预算和支出的项目。"},
    "funding.trails": {"en": "trails budget", "zh": "落后于预算"},
    "funding.behind": {"en": "behind", "zh": "落后"},
    "funding.funders": {"en": "Largest funders across the portfolio (USD)", "zh": "全部项目中最大的出资方（美元）"},
    "funding.funders_note": {
        "en": "Each funder once, however the documents and UNDP's file write its name, with three kinds of amount that are never added together: funding in the project documents, and commitments and funds received in UNDP's file. Type of funder: the documents' own, else IATI's organisation type, else the name. The {n} largest, the rest as one bar; the table lists all {total}.",
        "zh": "每个出资方只列一次（无论项目文件与开发计划署文件如何书写其名称），列出三类金额，彼此从不相加：项目文件所载资金，以及开发计划署文件中的承诺与到位资金。出资方类型依项目文件，否则依IATI组织类型，再否则依名称。列出最大的{n}个，其余合为一条；表格列出全部{total}个。",
    },
    "funding.by_kind": {"en": "Funding by type of funder across the portfolio (USD)", "zh": "全部项目按出资方类型划分的资金（美元）"},
    "funding.by_kind_note": {
        "en": "Commitments in UNDP's file and funding in the project documents, each summed and shared on its own.",
        "zh": "开发计划署文件中的承诺与项目文件所载资金，各自单独汇总并计算占比。",
    },
    "funding.cofinancing_portfolio": {"en": "Co-financing: government and UNDP by project (USD)", "zh": "联合出资：各项目政府与开发计划署出资（美元）"},
    "funding.cofinancing_note": {
        "en": "One source per project: its commitments in UNDP's file where it has any, else its project documents (the table says which). Other funders are left out. The chart shows the {n} projects with the most co-financing; the table all {total}.",
        "zh": "每个项目只取一个来源：有开发计划署文件承诺的取其承诺，否则取项目文件（表格注明来源）。其他出资方不计。图表显示联合出资最多的{n}个项目；表格列出全部{total}个。",
    },
    "funding.from_published": {"en": "UNDP's file (commitments)", "zh": "开发计划署文件（承诺）"},
    "funding.from_documents": {"en": "Project documents", "zh": "项目文件"},
    "funding.differences": {"en": "Where the documents and UNDP's file disagree", "zh": "项目文件与开发计划署文件不一致之处"},
    "funding.other_funders": {"en": "{n} other funders", "zh": "其他{n}家出资方"},
    "funding.no_published": {"en": "No budgets or transactions are published for the projects in view.", "zh": "所选项目没有公布的预算或交易。"},
    "funding.not_reported": {"en": "Funding not reported", "zh": "未报告的资金"},
    "funding.not_reported_projects": {"en": "Projects with no amount in any source (documents or UNDP's file): {names}.", "zh": "在任何来源（项目文件或开发计划署文件）中均无金额的项目：{names}。"},
    "funding.unnamed": {
        "en": "{amount} is reported with no funder named ({names}).",
        "zh": "有{amount}的资金未注明出资方（{names}）。",
    },
    "funding.all_reported": {"en": "Every project in view reports its funding.", "zh": "当前所有项目均报告了资金。"},
    # Milestones
    "milestones.title": {"en": "Projects and milestones over time", "zh": "项目与里程碑时间线"},
    "milestones.uptake": {"en": "Policy uptake", "zh": "政策采纳"},
    "milestones.undated": {"en": "Milestones with no date in the source", "zh": "来源未注明日期的里程碑"},
    "milestones.undated_projects": {"en": "Projects with no dates in the source: {names}.", "zh": "来源未注明日期的项目：{names}。"},
    "milestones.by": {"en": "by {date}", "zh": "{date}前"},
    "milestones.from": {"en": "since {date}", "zh": "{date}起"},
    "milestones.planned": {"en": "planned", "zh": "计划中"},
    "milestones.fyp_band": {"en": "Five-Year Plan (FYP) periods are shaded.", "zh": "阴影表示五年规划期。"},
    "milestones.per_year": {"en": "The portfolio year by year", "zh": "项目组合逐年概况"},
    "milestones.per_year_note": {
        "en": "Too many projects for a row each: every year of the portfolio's period, with the projects active in it (line) and its milestones and policy-uptake results (columns; an uptake result from UNDP's results indicators is dated by the end of its period). Years with nothing are folded into one column. Choose a year to read its milestones.",
        "zh": "项目过多，无法逐行显示：展示项目组合期间的每一年，包括当年在实施的项目数（折线）以及里程碑和政策采纳成果（柱；来自开发署成果指标的政策采纳成果以其报告期末为日期）。无任何记录的年份合并为一列。选择年份可查看当年的里程碑。",
    },
    "milestones.count_axis": {"en": "Number", "zh": "数量"},
    "milestones.quiet_years": {"en": "{first}–{last}", "zh": "{first}—{last}年"},
    "milestones.uptake_indicator": {"en": "Policy uptake (UNDP results indicator)", "zh": "政策采纳（开发署成果指标）"},
    "col.projects_active": {"en": "Projects active", "zh": "在实施项目"},
    "col.uptake": {"en": "Policy uptake", "zh": "政策采纳"},
    "col.other_achieved": {"en": "Other milestones achieved", "zh": "其他已实现里程碑"},
    "col.milestones_planned": {"en": "Milestones planned", "zh": "计划中的里程碑"},
    "milestones.choose_year": {"en": "Milestones of the year", "zh": "查看年份"},
    "col.achieved": {"en": "Achieved", "zh": "已实现"},
    "col.planned": {"en": "Planned", "zh": "计划中"},
    "milestones.date_unknown": {"en": "date not reported", "zh": "日期未报告"},
    "milestones.uptake_none": {"en": "No policy uptake is reported for these filters.", "zh": "在当前筛选条件下没有政策采纳记录。"},
    "milestones.national_plan": {"en": "a national plan (not named)", "zh": "国家规划（未具名）"},
    "milestones.groups": {"en": "What each numbered mark on the chart holds", "zh": "图中各编号标记包含的里程碑"},
    "milestones.group_head": {"en": "{date} · {project}: {n} milestone(s)", "zh": "{date} · {project}：{n}项里程碑"},
    "milestones.gap": {"en": "The dotted line marks years left out, {start}–{end}, when nothing is dated", "zh": "虚线处略去了{start}—{end}年，该期间无任何记录"},
    "milestones.legend_uptake": {"en": "Policy uptake", "zh": "政策采纳"},
    "milestones.legend_other": {"en": "Other milestones", "zh": "其他里程碑"},
    "milestones.legend_planned": {"en": "Planned (open mark)", "zh": "计划中（空心标记）"},
    "milestones.end_unknown": {"en": "end not reported", "zh": "结束日期未报告"},
    "milestones.dates_unknown": {"en": "start and end not reported", "zh": "开始和结束日期均未报告"},
    "milestones.start_unknown": {"en": "start not reported", "zh": "开始日期未报告"},
    # Briefing and presenter mode
    # Speaker notes and alt text of the briefing pack
    "notes.sources": {"en": "Sources:", "zh": "来源："},
    "notes.covers": {"en": "This briefing covers {n} project(s): {names}. Filters: {filters}.", "zh": "本简报涵盖{n}个项目：{names}。筛选条件：{filters}。"},
    "notes.map": {"en": "Projects work in {k} province(s); number of projects in each: {top}.", "zh": "项目覆盖{k}个省份，各省项目数：{top}。"},
    "notes.map_none": {"en": "The sources name no province for these filters.", "zh": "在当前筛选条件下，来源文件未提及任何省份。"},
    "notes.unnamed_places": {"en": "{n} place(s) are not named in the sources, so they are not on the map.", "zh": "另有{n}处地点来源未具名，未在地图上显示。"},
    "notes.map_alt": {
        "en": "Map of China's provinces. {colour}: {listed}. The South China Sea islands are shown in an inset.",
        "zh": "中国各省地图。{colour}：{listed}。南海诸岛见插图。",
    },
    "notes.reach": {"en": "{project}: {value} — {audience}.", "zh": "{project}：{value}人——{audience}。"},
    "notes.documented_usd": {"en": "Funding in the project documents from named funders: {total} ({exact}) from {n} funder(s).", "zh": "项目文件所载、注明出资方的资金：{total}（{exact}），来自{n}个出资方。"},
    "notes.committed_usd": {"en": "Commitments in UNDP's IATI file: {total} ({exact}) from {n} funder(s).", "zh": "开发计划署IATI文件中的承诺：{total}（{exact}），来自{n}个出资方。"},
    "notes.received_usd": {"en": "Funds received in UNDP's IATI file: {total} ({exact}) from {n} funder(s).", "zh": "开发计划署IATI文件中的到位资金：{total}（{exact}），来自{n}个出资方。"},
    "notes.not_added": {
        "en": "These are three kinds of amount and are never added: a commitment is pledged, funds received arrived, and the documents' figures are what each brief states. Budgets and spending are on the next slide.",
        "zh": "以上为三类金额，从不相加：承诺为认捐，到位为实际到账，项目文件数字为各项目简介所述。预算与支出见下一张幻灯片。",
    },
    "notes.kind_shares_committed_usd": {"en": "Share of commitments by type of funder: {parts}.", "zh": "按出资方类型的承诺占比：{parts}。"},
    "notes.kind_shares_documented_usd": {"en": "Share of documented funding by type of funder: {parts}.", "zh": "按出资方类型的文件所载资金占比：{parts}。"},
    "notes.funder": {"en": "{funder} ({kind}): {amounts}", "zh": "{funder}（类型：{kind}）：{amounts}"},
    "notes.budget_spending": {"en": "Published budgets {budget} and spending {spending} in all, {first}–{last}.", "zh": "{first}—{last}年公布的预算共{budget}，支出共{spending}。"},
    "notes.budget_spending_year": {"en": "{year}: budget {budget}, spending {spending}.", "zh": "{year}年：预算{budget}，支出{spending}。"},
    "notes.milestones": {
        "en": "{done} milestone(s) achieved, {uptake} of them policy uptake; {planned} more planned.",
        "zh": "已实现{done}项里程碑，其中政策采纳{uptake}项；另有{planned}项计划中。",
    },
    "notes.timeline_alt": {
        "en": "Timeline of {n} project(s) and {m} milestone(s), Five-Year Plan periods shaded. Policy uptake: {uptake}",
        "zh": "{n}个项目和{m}项里程碑的时间线，阴影为五年规划期。政策采纳：{uptake}",
    },
    "notes.documents": {"en": "The {n} source documents every figure in this briefing comes from.", "zh": "本简报所有数字均来自以下{n}份来源文件。"},
    "brief.headline": {"en": "Headline figures", "zh": "主要数字"},
    "brief.documents": {
        "en": "Drawn from {n} source documents; the latest dated one is from {latest}.",
        "zh": "数据来自{n}份来源文件，其中注明日期的最新文件为{latest}。",
    },
    "brief.no_records": {"en": "No records for this view; documents consulted:", "zh": "当前视图无相关记录；查阅的来源文件："},
    "brief.generated": {"en": "Briefing generated {date}.", "zh": "简报生成日期：{date}。"},
    "brief.reach_largest": {"en": "The {n} largest of {total} figures; the Reach page lists every one.", "zh": "仅列出{total}个数字中最大的{n}个；受益人数页列出全部。"},
    "brief.funders_largest": {"en": "The {n} largest of {total} funders, the rest as one bar; the Funding page lists each.",
                              "zh": "{total}个出资方中最大的{n}个，其余合为一条；资金页逐一列出。"},
    "brief.no_funding_count": {"en": "{n} projects have no amount in any source (named in the talking points).", "zh": "{n}个项目在任何来源中均无金额（名单见演讲备注）。"},
    "brief.more_results": {"en": "… and {n} more policy-uptake results on the Milestones page.", "zh": "……另有{n}项政策采纳成果，见里程碑页。"},
    "present.title": {"en": "Presenter mode", "zh": "演示模式"},
    "present.previous": {"en": "Previous", "zh": "上一页"},
    "present.next": {"en": "Next", "zh": "下一页"},
    "present.autoplay": {"en": "Autoplay", "zh": "自动播放"},
    "present.interval": {"en": "Seconds per slide", "zh": "每页秒数"},
    "present.pptx": {"en": "Download PowerPoint", "zh": "下载PowerPoint"},
    "present.pdf": {"en": "Download PDF", "zh": "下载PDF"},
    "present.png": {"en": "Download this chart (PNG)", "zh": "下载此图表（PNG）"},
    "present.downloads": {"en": "Briefing pack and sources of this slide", "zh": "简报及本页来源"},
    "present.exit": {"en": "Leave presenter mode", "zh": "退出演示模式"},
    "present.time_left": {"en": "Next slide in", "zh": "距下一页"},
    "present.keys": {"en": "Arrow keys ← → change slides.", "zh": "使用方向键 ← → 翻页。"},
    "nav.present": {"en": "Present", "zh": "演示"},
    "nav.history": {"en": "History", "zh": "修订历史"},
    "nav.manage": {"en": "Manage data", "zh": "管理数据"},
    "manage.intro": {
        "en": "1. Download the workbook (or the blank template).\n2. Edit it.\n3. Upload it: every problem is listed with its sheet, row and column.\n4. Read the preview of what changes.\n5. Say what the change is and why, and publish. Viewers see it on their next click; the History page can roll it back.",
        "zh": "1. 下载工作簿（或空白模板）。\n2. 编辑。\n3. 上传：系统逐一列出每个问题所在的工作表、行和列。\n4. 查看改动预览。\n5. 填写修改内容及原因后发布。浏览者下次操作即可看到；可在“修订历史”页面回滚。",
    },
    "manage.download": {"en": "Download", "zh": "下载"},
    "manage.upload": {"en": "Upload an edited workbook (.xlsx), a zipped CSV package (.zip) or UNDP's IATI file (.xml)", "zh": "上传编辑后的工作簿（.xlsx）、CSV数据包压缩文件（.zip）或开发计划署IATI文件（.xml）"},
    "manage.draft": {"en": "Your draft: {file}, uploaded {when}, made from revision {base}.", "zh": "您的草稿：{file}，上传于{when}，基于第{base}版。"},
    "manage.check": {"en": "Check the file", "zh": "检查文件"},
    "manage.discard": {"en": "Discard the draft", "zh": "放弃草稿"},
    "manage.problems": {"en": "{n} problem(s): nothing can be published until they are fixed. Fix them in your file and upload it again.", "zh": "发现{n}个问题：修正前无法发布。请在文件中修正后重新上传。"},
    "manage.no_change": {"en": "The upload is the same as revision {n}: there is nothing to publish.", "zh": "上传内容与第{n}版相同：没有可发布的改动。"},
    "manage.preview": {"en": "What publishing changes", "zh": "发布将带来的改动"},
    "manage.added": {"en": "Rows added", "zh": "新增的行"},
    "manage.removed": {"en": "Rows removed", "zh": "删除的行"},
    "manage.changed": {"en": "Cells changed", "zh": "修改的单元格"},
    "manage.stale": {"en": "Revision {latest} was published after your draft was made (from revision {base}): publishing it would be refused. Discard it and upload your file again, made from the latest data.", "zh": "您的草稿基于第{base}版，此后已发布第{latest}版：发布将被拒绝。请放弃草稿，基于最新数据重新上传。"},
    "manage.message": {"en": "What is the change, and why? (kept in the history)", "zh": "修改了什么，原因是什么？（记入修订历史）"},
    "manage.publish": {"en": "Publish", "zh": "发布"},
    "manage.message_needed": {"en": "Write what the change is and why before publishing.", "zh": "发布前请填写修改内容及原因。"},
    "manage.published": {"en": "Published revision {n}. Every page now shows it.", "zh": "已发布第{n}版，各页面现已显示。"},
    "history.rollback": {"en": "Roll back", "zh": "回滚"},
    "history.rollback_to": {"en": "Publish again the data of revision", "zh": "重新发布以下版本的数据"},
    "history.rollback_message": {"en": "Why roll back? (kept in the history)", "zh": "回滚原因（记入修订历史）"},
    "history.rolled_back": {"en": "Published revision {n}, with the data of revision {to}.", "zh": "已发布第{n}版，内容为第{to}版的数据。"},
    "col.where": {"en": "Sheet or file", "zh": "工作表或文件"},
    "col.row": {"en": "Row", "zh": "行"},
    "col.found": {"en": "Found", "zh": "实际内容"},
    "col.expected": {"en": "Expected", "zh": "应为"},
    "col.rows": {"en": "Rows after", "zh": "改动后行数"},
    "col.added": {"en": "Added", "zh": "新增"},
    "col.changed": {"en": "Changed", "zh": "修改"},
    "col.removed": {"en": "Removed", "zh": "删除"},
    "auth.sign_in": {"en": "Sign in (editors)", "zh": "登录（编辑人员）"},
    "auth.sign_out": {"en": "Sign out", "zh": "退出登录"},
    "auth.signed_in": {"en": "Signed in as {email} ({role})", "zh": "已登录：{email}（{role}）"},
    "auth.required": {"en": "Please sign in to see the dashboard.", "zh": "请登录后查看仪表板。"},
    "auth.role.viewer": {"en": "viewer", "zh": "浏览者"},
    "auth.role.editor": {"en": "editor", "zh": "编辑人员"},
    "auth.role.admin": {"en": "administrator", "zh": "管理员"},
    "workbook.title": {"en": "UNDP China portfolio results: the data, to edit and send back", "zh": "开发计划署驻华项目成果：可编辑并上传的数据"},
    "workbook.what": {
        "en": "This workbook holds the dashboard's data (or an empty template). Edit it and send it back: it is checked by the same rules as the dashboard's own data, every problem is listed with its sheet, row and column, and nothing is published until it passes.",
        "zh": "本工作簿包含仪表板的数据（或空白模板）。编辑后发回：系统按与仪表板数据相同的规则检查，逐一列出每个问题所在的工作表、行和列；未通过检查前不会发布任何内容。",
    },
    "workbook.sheets": {
        "en": "One sheet per table (projects, partners, funding, locations, reach, milestones …). The provinces sheet lists every province code with its names.",
        "zh": "每个数据表一个工作表（projects、partners、funding、locations、reach、milestones 等）。provinces 工作表列出所有省级行政区代码及名称。",
    },
    "workbook.header": {
        "en": "Row 1 of each sheet holds the column names the upload reads: do not rename, move or delete them. Point at a column name to read what the column holds, its unit, and whether it is required.",
        "zh": "每个工作表的第1行是上传时读取的列名：请勿重命名、移动或删除。将鼠标指向列名即可查看该列的内容、单位以及是否必填。",
    },
    "workbook.text": {
        "en": "Every cell is text, so numbers keep their leading zeros (UNDP project number 00056242). Write numbers as plain digits (1500000, not 1,500,000) and dates as YYYY, YYYY-MM or YYYY-MM-DD.",
        "zh": "所有单元格均为文本，数字可保留前导零（如开发计划署项目编号00056242）。数字请只写数字（1500000，而不是1,500,000），日期写作YYYY、YYYY-MM或YYYY-MM-DD。",
    },
    "workbook.lists": {
        "en": "Coded columns (status, role, funder type, province code, project id …) have a drop-down list: choose from it. Chinese columns (ending _zh) sit beside their English column.",
        "zh": "代码列（状态、角色、出资方类型、省级代码、项目编号等）设有下拉列表，请从中选择。中文列（以_zh结尾）位于对应英文列旁边。",
    },
    "workbook.gaps": {
        "en": "Leave a cell empty when the source does not give the value: the dashboard shows it as not reported. Never guess a figure.",
        "zh": "来源未提供的数值请留空：仪表板会显示为“未报告”。切勿猜测数字。",
    },
    "workbook.keys": {
        "en": "A new project needs a new project id (letters, digits, '-', '.', '_'), used again in every other sheet that refers to it, and a source row saying where its facts come from.",
        "zh": "新项目需要一个新的项目编号（字母、数字、“-”“.”“_”），其他引用该项目的工作表均使用同一编号；并需在 sources 中添加一行说明资料来源。",
    },
    "workbook.sources": {
        "en": "Every row names its source (source_id) and the section of the source it comes from.",
        "zh": "每一行都要注明来源（source_id）及所在章节。",
    },
    "workbook.upload": {
        "en": "Save it as an Excel workbook (.xlsx), keeping the sheet and column names. Each publish records who made it, when and why, and every changed cell; an earlier version can always be restored.",
        "zh": "请保存为Excel工作簿（.xlsx），保留工作表名和列名。每次发布都会记录发布人、时间、原因及改动的每个单元格；随时可以恢复较早的版本。",
    },
    "workbook.never": {
        "en": "Cells are only ever read as text: formulas are not calculated, and nothing in a cell is run or shown as markup.",
        "zh": "单元格始终按文本读取：不计算公式，单元格中的任何内容都不会被执行或按标记显示。",
    },
    "history.intro": {
        "en": "Every change to the data is a revision: who published it, when, why, and every cell it changed. Nothing is deleted: an earlier revision can be published again (rolled back to) as a new one.",
        "zh": "数据的每次修改都是一个修订版本：由谁发布、何时发布、原因，以及改动的每个单元格。任何内容都不会被删除：可以将较早的修订版本作为新版本重新发布（回滚）。",
    },
    "history.showing": {"en": "The pages show revision {n}, published {when} by {author}.", "zh": "各页面显示的是第{n}版，由{author}于{when}发布。"},
    "history.revisions": {"en": "Revisions", "zh": "修订版本"},
    "history.changes": {"en": "Changed cells", "zh": "改动的单元格"},
    "history.pick_revision": {"en": "Revision", "zh": "修订版本"},
    "history.all_revisions": {"en": "All revisions", "zh": "全部修订版本"},
    "history.pick_tables": {"en": "Tables", "zh": "数据表"},
    "history.find": {"en": "Find in keys and values", "zh": "在键和值中查找"},
    "history.none": {"en": "No changed cells match.", "zh": "没有符合条件的改动。"},
    "history.rollback_hint": {
        "en": "To roll back, the data steward runs `python -m dashboard db rollback N -m \"why\"` on the server.",
        "zh": "如需回滚，数据管理员在服务器上运行 `python -m dashboard db rollback N -m \"原因\"`。",
    },
    "history.whole_row": {"en": "(whole row)", "zh": "（整行）"},
    "history.restores": {"en": ", restores revision {n}", "zh": "，恢复第{n}版"},
    "history.origin.files": {"en": "data folder", "zh": "数据文件夹"},
    "history.files_author": {"en": "the data folder on the server", "zh": "服务器上的数据文件夹"},
    "history.files_created": {"en": "Created from the data package in {folder}/", "zh": "由 {folder}/ 中的数据包创建"},
    "history.files_changed": {"en": "The files in {folder}/ changed on the server", "zh": "服务器上 {folder}/ 中的文件有改动"},
    "history.tables_placeholder": {"en": "All tables", "zh": "全部数据表"},
    "history.origin.load": {"en": "db load", "zh": "db load 命令"},
    "history.origin.upload": {"en": "upload", "zh": "上传"},
    "history.origin.rollback": {"en": "rollback", "zh": "回滚"},
    "history.origin.import": {"en": "IATI import", "zh": "IATI 导入"},
    "col.revision": {"en": "Revision", "zh": "版本"},
    "col.published_at": {"en": "Published (UTC)", "zh": "发布时间（UTC）"},
    "col.author": {"en": "Published by", "zh": "发布人"},
    "col.message": {"en": "Why", "zh": "说明"},
    "col.origin": {"en": "How", "zh": "方式"},
    "col.change": {"en": "Rows added (+), changed (~), removed (−) per table", "zh": "各表新增（+）、修改（~）、删除（−）行数"},
    "col.key": {"en": "Row", "zh": "行"},
    "col.column": {"en": "Column", "zh": "列"},
    "col.old": {"en": "Before", "zh": "修改前"},
    "col.new": {"en": "After", "zh": "修改后"},
    # Projects
    "projects.title": {"en": "All projects", "zh": "全部项目"},
    "projects.detail": {"en": "Project details", "zh": "项目详情"},
    "projects.choose": {"en": "Project", "zh": "项目"},
    "projects.facts": {"en": "Facts", "zh": "基本信息"},
    "projects.partners": {"en": "Partners", "zh": "合作伙伴"},
    "projects.places": {"en": "Places", "zh": "地点"},
    "projects.funding": {"en": "Funding", "zh": "资金"},
    "projects.reach": {"en": "Reach", "zh": "受益人数"},
    "projects.milestones": {"en": "Milestones", "zh": "里程碑"},
    "projects.no_total": {"en": "not stated as a total (see Funding)", "zh": "未单独说明总额（见资金部分）"},
    "projects.none": {"en": "None reported.", "zh": "未报告。"},
    # Sources
    "sources.title": {"en": "Source documents", "zh": "来源文件"},
    "sources.taken": {"en": "What was taken from each source", "zh": "从各来源提取的内容"},
    "sources.gaps": {"en": "Data gaps: what the sources do not report", "zh": "数据缺口：来源未报告的内容"},
    "sources.gaps_intro": {
        "en": "Each row is a value a source leaves unsaid. The dashboard shows it as a gap and never fills it in.",
        "zh": "每一行都是来源文件未说明的一项内容。仪表板将其显示为缺口，绝不自行填补。",
    },
    "sources.download": {"en": "Download the whole data package", "zh": "下载完整数据包"},
    "sources.zip": {"en": "All tables (zipped CSV)", "zh": "全部表格（CSV压缩包）"},
    "sources.xlsx": {"en": "All tables (Excel workbook to edit)", "zh": "全部表格（可编辑的Excel工作簿）"},
    "sources.template": {"en": "Blank template (Excel)", "zh": "空白模板（Excel）"},
    "sources.download_intro": {
        "en": "The workbook has instructions in English and Chinese, a drop-down list on every coded column, and every cell as text, so numbers keep their leading zeros. Edit it and give it to the data steward, who checks and publishes it (python -m dashboard db load FILE.xlsx). The zipped CSV is a Frictionless data package for programs such as pandas or R: every value as it is, described by datapackage.json.",
        "zh": "工作簿附有中英文说明，每个代码列均设下拉列表，所有单元格均为文本，数字可保留前导零。编辑后交给数据管理员检查并发布（python -m dashboard db load 文件.xlsx）。CSV压缩包是供pandas、R等程序使用的Frictionless数据包：所有数值保持原样，由datapackage.json描述。",
    },
    "sources.footer": {"en": "Sources", "zh": "来源"},
    # Errors
    "data.unavailable": {
        "en": "The dashboard's data is being updated and is not ready yet. Please try again later.",
        "zh": "仪表板数据正在更新，尚未就绪。请稍后再试。",
    },
    "data.last_good": {"en": "Data as checked on {date}; an update is being prepared.", "zh": "数据为{date}核验的版本；更新正在准备中。"},
    "error.data": {
        "en": "The data package has problems, so the dashboard is showing the last good data. Fix these in the CSV files:",
        "zh": "数据包存在问题，仪表板正在显示上一次有效的数据。请在CSV文件中修正以下问题：",
    },
    "error.no_data": {
        "en": "The data package has problems and there is no earlier good data to show. Fix these in the CSV files:",
        "zh": "数据包存在问题，且没有可显示的先前有效数据。请在CSV文件中修正以下问题：",
    },
    "error.page": {
        "en": "This view could not be drawn for these filters. Change or clear the filters; the problem has been logged for the team.",
        "zh": "在当前筛选条件下无法显示此视图。请更改或清除筛选条件；该问题已记录，供团队处理。",
    },
    "footer.data_date": {"en": "Data package checked {date}.", "zh": "数据包核验日期：{date}。"},
    # Column headers (tables and CSV downloads)
    "col.project": {"en": "Project", "zh": "项目"},
    "col.project_id": {"en": "Project id", "zh": "项目编号"},
    "col.province": {"en": "Province", "zh": "省份"},
    "col.province_zh": {"en": "Province (Chinese)", "zh": "省份（中文）"},
    "col.province_code": {"en": "GB/T 2260 code", "zh": "行政区划代码"},
    "col.place_as_written": {"en": "Place as written in the source", "zh": "来源原文地名"},
    "col.admin_level": {"en": "Named as", "zh": "地名级别"},
    "col.role": {"en": "Role", "zh": "角色"},
    "col.since": {"en": "Since", "zh": "起始时间"},
    "col.funder": {"en": "Funder", "zh": "出资方"},
    "col.funder_as_named": {"en": "Funder as named in the source", "zh": "来源原文出资方"},
    "col.funder_type": {"en": "Type of funder", "zh": "出资方类型"},
    "col.amount_usd": {"en": "Amount (USD)", "zh": "金额（美元）"},
    "col.share": {"en": "Share of reported funding (%)", "zh": "占已报告资金比例（%）"},
    "col.qualifier": {"en": "Qualifier", "zh": "数字性质"},
    "col.measure": {"en": "Measure", "zh": "指标"},
    "col.value": {"en": "Value", "zh": "数值"},
    "col.unit": {"en": "Unit", "zh": "单位"},
    "col.audience": {"en": "Audience", "zh": "对象"},
    "col.period_from": {"en": "Counted since", "zh": "统计起始"},
    "col.as_of": {"en": "As of", "zh": "截至"},
    "col.date": {"en": "Date", "zh": "日期"},
    "col.kind": {"en": "Kind", "zh": "类型"},
    "col.title": {"en": "Title", "zh": "标题"},
    "col.five_year_plan": {"en": "Five-Year Plan", "zh": "五年规划"},
    "col.count": {"en": "Count", "zh": "数量"},
    "col.status": {"en": "Status", "zh": "状态"},
    "col.scope": {"en": "Level", "zh": "层级"},
    "col.source": {"en": "Source document", "zh": "来源文件"},
    "col.section": {"en": "Section", "zh": "章节"},
    "col.note": {"en": "Note", "zh": "备注"},
    "col.start": {"en": "Start", "zh": "开始"},
    "col.end": {"en": "End", "zh": "结束"},
    "col.partner": {"en": "Partner", "zh": "合作伙伴"},
    "col.partner_as_named": {"en": "Partner as named in the source", "zh": "来源原文名称"},
    "col.partner_type": {"en": "Type", "zh": "类型"},
    "col.description": {"en": "Description", "zh": "简介"},
    "col.undp_project_id": {"en": "UNDP project number", "zh": "开发计划署项目编号"},
    "col.total_budget_usd": {"en": "Total budget (USD)", "zh": "总预算（美元）"},
    "col.themes": {"en": "Themes", "zh": "主题"},
    "col.table": {"en": "Table", "zh": "数据表"},
    "col.record": {"en": "Record", "zh": "记录"},
    "col.field": {"en": "Field", "zh": "字段"},
    "col.meaning": {"en": "What is missing", "zh": "缺失内容"},
    "col.publisher": {"en": "Publisher", "zh": "发布方"},
    "col.kind_source": {"en": "Kind", "zh": "类型"},
    "col.file_name": {"en": "File", "zh": "文件"},
    "col.records": {"en": "Records taken", "zh": "提取的记录数"},
    "col.n_projects": {"en": "Projects", "zh": "项目数"},
    "col.projects_roles": {"en": "Projects and roles", "zh": "项目及角色"},
    "col.government": {"en": "Government", "zh": "政府"},
    "col.undp": {"en": "UNDP", "zh": "开发计划署"},
    "col.figure": {"en": "Figure", "zh": "数字"},
    "col.gaps": {"en": "Gaps", "zh": "缺口数"},
    "col.undp_output_id": {"en": "UNDP output number", "zh": "开发计划署产出编号"},
    "col.year": {"en": "Year", "zh": "年份"},
    "col.division": {"en": "Prefecture or county", "zh": "地级或县级行政区"},
    "col.output": {"en": "Output", "zh": "产出"},
    "col.result_title": {"en": "Result", "zh": "成果"},
    "col.indicator": {"en": "Indicator", "zh": "指标"},
    "col.theme": {"en": "Theme", "zh": "主题"},
    "col.result_measure": {"en": "Counts", "zh": "衡量内容"},
    "col.result_status": {"en": "Status", "zh": "进展状态"},
    "col.percent_of_target": {"en": "% of target", "zh": "目标完成率（%）"},
    "col.reported_by": {"en": "Reported by (projects)", "zh": "报告项目数"},
    "measure_kind.people_reached": {"en": "People reached", "zh": "受益人数"},
    "measure_kind.policy_uptake": {"en": "Policy uptake", "zh": "政策采纳"},
    "measure_kind.other": {"en": "Other", "zh": "其他"},
    "result_status.achieved": {"en": "Achieved", "zh": "已实现"},
    "result_status.on_track": {"en": "On track", "zh": "进展正常"},
    "result_status.behind": {"en": "Behind", "zh": "进度落后"},
    "result_status.no_actual": {"en": "No actual yet", "zh": "尚无实际值"},
    "result_status.not_a_number": {"en": "Not a number", "zh": "非数值"},
    "nav.results": {"en": "Results", "zh": "成果"},
    "results.filter_measure": {"en": "Counts", "zh": "衡量内容"},
    "results.filter_status": {"en": "Status", "zh": "进展状态"},
    "results.filter_theme": {"en": "Theme", "zh": "主题"},
    "results.all": {"en": "All", "zh": "全部"},
    "results.by": {"en": "Count by", "zh": "统计维度"},
    "results.status_title": {"en": "Indicators by status", "zh": "各状态的指标数"},
    "results.status_note": {"en": "The {n} with most indicators of {total}; the Table view lists all. A figure several projects share counts once, under the country programme.",
                            "zh": "显示指标最多的{n}个（共{total}个）；表格视图列出全部。多个项目共享的数据只计一次，归入国家方案。"},
    "results.scorecard": {"en": "Scorecard: baseline → target → latest actual", "zh": "记分卡：基线 → 目标 → 最新实际值"},
    "results.none": {"en": "No results indicator matches these filters.", "zh": "没有符合筛选条件的成果指标。"},
    "results.country_programme": {"en": "Country programme (shared figures)", "zh": "国家方案（共享数据）"},
    "results.indicators_axis": {"en": "Indicators", "zh": "指标数"},
    "results.shared": {"en": "Country programme figure, reported by {n} projects: {names}", "zh": "国家方案层面数据，由{n}个项目报告：{names}"},
    "results.status_rule": {
        "en": "Status rule: the latest period's actual against its target. Achieved: the actual reaches the target (in the target's direction from the baseline). "
        "On track: at least half the way from baseline to target. Behind: less than half. No actual yet: a target with no actual. Not a number: target or actual "
        "published only in words. Percent of target: actual ÷ target. An indicator published alike by several projects is one country-programme figure, "
        "shown once and never added up.",
        "zh": "状态规则：以最近一期的实际值对照目标。已实现：实际值达到目标（按目标相对基线的方向）。进展正常：已完成基线至目标的至少一半。进度落后：不足一半。"
        "尚无实际值：有目标而无实际值。非数值：目标或实际值仅以文字公布。目标完成率：实际值÷目标。多个项目以相同数值公布的同一指标视为一项国家方案层面数据，只列一次，从不相加。",
    },
    "results.measure_counts": {
        "en": "What each indicator counts (people reached, policy uptake or other): suggested by wording rules at import for {suggested} published rows, "
        "reviewed by staff for {reviewed} (Manage data, or the results sheet of the workbook).",
        "zh": "各指标的衡量内容（受益人数、政策采纳或其他）：{suggested}行由导入时的措辞规则建议，{reviewed}行经工作人员审核（管理数据页或工作簿的 results 工作表）。",
    },
    "col.period": {"en": "Period", "zh": "期间"},
    "col.baseline": {"en": "Baseline", "zh": "基线"},
    "col.target": {"en": "Target", "zh": "目标"},
    "col.actual": {"en": "Actual", "zh": "实际"},
    "projects.results": {"en": "Results indicators (as UNDP publishes them)", "zh": "成果指标（依开发计划署公布）"},
    "projects.outputs": {"en": "Outputs", "zh": "产出"},
    "col.budget_usd": {"en": "Budget", "zh": "预算"},
    "col.spending_usd": {"en": "Spending", "zh": "支出"},
    "col.delivery_pct": {"en": "Delivery (% of budget)", "zh": "执行率（占预算%）"},
    "col.funder_kind": {"en": "Type of funder", "zh": "出资方类型"},
    "col.documented_usd": {"en": "In the project documents", "zh": "项目文件所载"},
    "col.committed_usd": {"en": "Committed (UNDP's file)", "zh": "承诺（开发计划署文件）"},
    "col.received_usd": {"en": "Received (UNDP's file)", "zh": "到位（开发计划署文件）"},
    "col.documented_usd_share": {"en": "Share of documented (%)", "zh": "占文件所载比例（%）"},
    "col.committed_usd_share": {"en": "Share of committed (%)", "zh": "占承诺比例（%）"},
    "col.received_usd_share": {"en": "Share of received (%)", "zh": "占到位比例（%）"},
    "col.amount_source": {"en": "Amounts from", "zh": "金额来源"},
    "col.trails": {"en": "Flag", "zh": "标记"},
    "col.incoming_commitment": {"en": "Committed", "zh": "承诺"},
    "col.incoming_funds": {"en": "Received", "zh": "到位"},
    "col.provider": {"en": "Provider", "zh": "资金提供方"},
    "col.period_start": {"en": "Period from", "zh": "期间起"},
    "col.period_end": {"en": "Period to", "zh": "期间止"},
    "col.documented": {"en": "In the project documents", "zh": "项目文件所载"},
    "col.published": {"en": "Published by UNDP (IATI)", "zh": "开发计划署公布（IATI）"},
    # Glossary of data values
    "role.pilot_province": {"en": "Pilot province", "zh": "试点省份"},
    "role.project_location": {"en": "Project location", "zh": "项目地点"},
    "role.field_study": {"en": "Field study", "zh": "实地调研"},
    "role.case_study": {"en": "Case study", "zh": "案例研究"},
    "role.training_of_trainers": {"en": "Training of trainers", "zh": "培训师资"},
    "funder_kind.government": {"en": "Government (China)", "zh": "政府（中国）"},
    "funder_kind.undp": {"en": "UNDP", "zh": "开发计划署"},
    "funder_kind.multilateral": {"en": "Multilateral fund", "zh": "多边基金"},
    "funder_kind.bilateral": {"en": "Bilateral donor (another government)", "zh": "双边捐助方（他国政府）"},
    "funder_kind.private": {"en": "Private sector", "zh": "私营部门"},
    "funder_kind.other": {"en": "Other", "zh": "其他"},
    "funder_type.undp": {"en": "UNDP", "zh": "开发计划署"},
    "funder_type.government": {"en": "Government", "zh": "政府"},
    "funder_type.other": {"en": "Other", "zh": "其他"},
    "funder_type.not_reported": {"en": "Funder not named", "zh": "出资方未注明"},
    "kind.policy_uptake": {"en": "Policy uptake", "zh": "政策采纳"},
    "kind.study": {"en": "Study", "zh": "研究"},
    "kind.governance": {"en": "Governance", "zh": "治理机制"},
    "kind.review": {"en": "Review", "zh": "审评"},
    "kind.event": {"en": "Event", "zh": "事件"},
    "kind.partnership": {"en": "Partnership", "zh": "伙伴关系"},
    "kind.expansion": {"en": "Expansion", "zh": "扩展"},
    "kind.training": {"en": "Training", "zh": "培训"},
    "status.achieved": {"en": "Achieved", "zh": "已实现"},
    "status.planned": {"en": "Planned", "zh": "计划中"},
    "status.ongoing": {"en": "Ongoing", "zh": "进行中"},
    "status.completed": {"en": "Completed", "zh": "已完成"},
    "status.suspended": {"en": "Suspended", "zh": "已暂停"},
    "status.cancelled": {"en": "Cancelled", "zh": "已取消"},
    "scope.national": {"en": "National", "zh": "全国"},
    "scope.provincial": {"en": "Provincial", "zh": "省级"},
    "scope.international": {"en": "International", "zh": "国际"},
    "qualifier.exact": {"en": "As reported", "zh": "按报告数字"},
    "qualifier.lower_bound": {"en": "Lower bound (more than)", "zh": "下限（超过）"},
    "measure.participants": {"en": "Participants", "zh": "参加人员"},
    "measure.countries": {"en": "Countries", "zh": "国家"},
    "unit.people": {"en": "people", "zh": "人"},
    "unit.countries": {"en": "countries", "zh": "个国家"},
    "admin_level.province": {"en": "Province", "zh": "省级"},
    "admin_level.country": {"en": "Whole country", "zh": "全国"},
    "admin_level.prefecture": {"en": "Prefecture / city", "zh": "地级"},
    "admin_level.county": {"en": "County / district", "zh": "县级"},
    "admin_level.locality": {"en": "Town or village", "zh": "乡镇或村"},
    "admin_level.abroad": {"en": "Outside China", "zh": "中国境外"},
    "partner_type.government": {"en": "Government", "zh": "政府机构"},
    "partner_type.un": {"en": "UN agency", "zh": "联合国机构"},
    "partner_type.academic": {"en": "Academic", "zh": "学术机构"},
    "partner_type.international": {"en": "International", "zh": "国际机构"},
    "partner_type.other": {"en": "Other", "zh": "其他"},
    "partner_type.ngo": {"en": "NGO", "zh": "非政府组织"},
    "partner_type.private": {"en": "Private sector", "zh": "私营部门"},
    "partner_role.implementing_partner": {"en": "Implementing partner", "zh": "执行伙伴"},
    "partner_role.national_counterpart": {"en": "National counterpart", "zh": "国内合作单位"},
    "partner_role.steering_committee": {"en": "Steering committee member", "zh": "指导委员会成员"},
    "partner_role.technical_partner": {"en": "Technical partner", "zh": "技术合作伙伴"},
    "partner_role.international_partner": {"en": "International partner", "zh": "国际合作伙伴"},
    "partner_role.funder": {"en": "Funder", "zh": "出资方"},
    "partner_role.accountable": {"en": "Accountable organisation", "zh": "负责机构"},
    "partner_role.extending": {"en": "Extending organisation", "zh": "管理机构"},
    "theme.leadership_training": {"en": "Leadership training", "zh": "领导力培训"},
    "theme.xiaokang_mdgs": {"en": "Xiaokang and the MDGs", "zh": "小康与千年发展目标"},
    "theme.statistics_indicators": {"en": "Indicators and statistics", "zh": "指标与统计"},
    "theme.rural_development": {"en": "Rural development", "zh": "农村发展"},
    "theme.climate_environment": {"en": "Climate and environment", "zh": "气候与环境"},
    "theme.public_sector_reform": {"en": "Public sector reform", "zh": "公共部门改革"},
    "theme.poverty_reduction": {"en": "Poverty reduction", "zh": "减贫"},
    "theme.south_south_cooperation": {"en": "South-South cooperation", "zh": "南南合作"},
    "theme.governance": {"en": "Governance", "zh": "治理"},
    "theme.energy": {"en": "Energy", "zh": "能源"},
    "theme.disaster_risk": {"en": "Disaster risk reduction", "zh": "减少灾害风险"},
    "theme.social_protection": {"en": "Social protection", "zh": "社会保障"},
    "theme.development_finance": {"en": "Development finance", "zh": "发展筹资"},
    "theme.unspecified": {"en": "Sector not specified", "zh": "未指明领域"},
    "source_kind.document": {"en": "Source document", "zh": "来源文件"},
    "source_kind.reference": {"en": "General reference", "zh": "一般参考资料"},
    "source_kind.dataset": {"en": "Published dataset (IATI)", "zh": "公开数据集（IATI）"},
    "source_kind.link": {"en": "Document published with the activity", "zh": "随项目公布的文件"},
    "table.sources": {"en": "Sources", "zh": "来源"},
    "table.projects": {"en": "Projects", "zh": "项目"},
    "table.partners": {"en": "Partners", "zh": "合作伙伴"},
    "table.funding": {"en": "Funding", "zh": "资金"},
    "table.locations": {"en": "Places", "zh": "地点"},
    "table.reach": {"en": "Reach", "zh": "受益人数"},
    "table.milestones": {"en": "Milestones", "zh": "里程碑"},
    "table.five_year_plans": {"en": "Five-Year Plans", "zh": "五年规划"},
    "table.outputs": {"en": "Outputs", "zh": "产出"},
    "table.budgets": {"en": "Budgets", "zh": "预算"},
    "table.transactions": {"en": "Transactions", "zh": "资金往来"},
    "table.results": {"en": "Results indicators", "zh": "成果指标"},
    "table.differences": {"en": "Where sources disagree", "zh": "来源不一致之处"},
    "date.unknown": {"en": "not reported", "zh": "未报告"},
    "sources.differences_intro": {
        "en": "A project both documented and published by UNDP is shown once; where the documents and UNDP's data differ, both are kept here.",
        "zh": "既有项目文件、又在开发计划署公布数据中的项目只显示一次；两者不一致之处均列于此。",
    },
    "col.url": {"en": "Address", "zh": "网址"},
    "map.beyond.country": {"en": "National work ({n}): {names}", "zh": "全国性工作（{n}个）：{names}"},
    "map.beyond.abroad": {"en": "Work outside China ({n}): {names}", "zh": "中国境外工作（{n}个）：{names}"},
    "map.beyond.no_place": {"en": "No place given by the sources ({n}): {names}", "zh": "来源未提供地点（{n}个）：{names}"},
    "table.sort_by": {"en": "Sort by", "zh": "排序依据"},
    "table.as_listed": {"en": "As listed", "zh": "原顺序"},
    "table.descending": {"en": "Largest first", "zh": "降序"},
    "table.page": {"en": "Page (of {pages})", "zh": "页码（共{pages}页）"},
    "table.rows": {"en": "Rows {first}–{last} of {n}", "zh": "第{first}—{last}行，共{n}行"},
    "filters.find": {"en": "Find projects", "zh": "查找项目"},
    "filters.find_placeholder": {"en": "Part of a title, id or UNDP number", "zh": "标题、编号或开发计划署项目编号的一部分"},
    "filters.find_more": {"en": "The list offers the first {shown} of {n} projects found: type more to narrow it.", "zh": "列表显示找到的{n}个项目中的前{shown}个：输入更多文字以缩小范围。"},
    "filters.group": {"en": "Add a group of projects", "zh": "按类别添加项目"},
    "filters.group_placeholder": {"en": "By status, theme or funder", "zh": "按状态、主题或出资方"},
    "filters.group_status": {"en": "Status: {name} ({n})", "zh": "状态：{name}（{n}个）"},
    "filters.group_theme": {"en": "Theme: {name} ({n})", "zh": "主题：{name}（{n}个）"},
    "filters.group_funder": {"en": "Funder: {name} ({n})", "zh": "出资方：{name}（{n}个）"},
    "map.panel_rows": {"en": "Projects {first}–{last} of {n}", "zh": "第{first}—{last}个项目，共{n}个"},
    "names.more": {"en": "and {n} more", "zh": "另有{n}个"},
    "names.and_more": {"en": "{names} and {n} more", "zh": "{names}等另外{n}个"},
}


def placeholders(text: str) -> set[str]:
    """The `{names}` a string expects to be filled in."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The string for `key` in `lang`, with `{placeholders}` filled in."""
    text = STRINGS[key][lang if lang in LANGUAGES else "en"]
    return text.format(**values) if values else text


def term(group: str, value: object, lang: str) -> str:
    """A glossary term such as role.pilot_province; missing values read 'not reported'."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return t("date.unknown", lang)
    return t(f"{group}.{value}", lang)


def labelled(label: str, value: object, lang: str) -> str:
    """'Label: value' with the colon each language uses (a full-width '：' in Chinese)."""
    return f"{label}{'：' if lang == 'zh' else ': '}{value}"


def localized(frame: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """A translatable data column in `lang`, falling back to English where a translation is missing."""
    if lang == "zh" and f"{column}_zh" in frame:
        return frame[f"{column}_zh"].fillna(frame[column])
    return frame[column]


def format_number(value: float, lang: str = "en") -> str:
    """A whole number with thousands separators (the same in both languages)."""
    return f"{value:,.0f}"


def format_usd(value: float, lang: str = "en") -> str:
    """Full amounts with separators: a steering committee reads the exact figure."""
    return f"US$ {value:,.0f}" if lang == "en" else f"{value:,.0f} 美元"


def format_compact(value: float, lang: str = "en") -> str:
    """A large number shortened for a headline: '8.9 M', '1.74 M', '160 K' / '890万', '1.2亿'.

    Three significant figures at most; below ten thousand the number is written in full.
    Chinese readers count in 万 (10⁴) and 亿 (10⁸), not in thousands and millions.
    """
    # (from, divide by, unit)
    steps = ((1e8, 1e8, "亿"), (1e4, 1e4, "万")) if lang == "zh" else ((1e9, 1e9, " B"), (1e6, 1e6, " M"), (1e4, 1e3, " K"))
    for start, size, unit in steps:
        if abs(value) >= start:
            x = value / size
            digits = 2 if abs(x) < 10 else 1 if abs(x) < 100 else 0
            text = f"{x:.{digits}f}"
            return (text.rstrip("0").rstrip(".") if "." in text else text) + unit
    return format_number(value, lang)


def format_usd_compact(value: float, lang: str = "en") -> str:
    """A compact amount in US dollars: 'US$ 8.9 M' / '890万美元'."""
    return f"US$ {format_compact(value, lang)}" if lang == "en" else f"{format_compact(value, lang)}美元"


def format_partial_date(text: object, lang: str = "en") -> str:
    """A partial ISO date ('2007-07') for reading: 'Jul 2007' / '2007年7月'; missing -> 'not reported'."""
    if not isinstance(text, str) or not text:
        return t("date.unknown", lang)
    parts = [int(p) for p in text.split("-")]
    if lang == "zh":
        return "".join(f"{v}{u}" for v, u in zip(parts, ("年", "月", "日")))
    d = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return {1: f"{d.year}", 2: d.strftime("%b %Y"), 3: f"{d.day} {d.strftime('%b %Y')}"}[len(parts)]


NAMES_SHOWN = 5


def join_names(names: list[str] | tuple[str, ...], lang: str, most: int = NAMES_SHOWN) -> str:
    """A list of names as each language writes it: 'A, B' / 'A、B'; past `most` names, the
    first ones and how many more ('A, B, C and 47 more'), so a sentence stays a sentence
    however large the portfolio."""
    names = list(names)
    if len(names) > most + 1:
        return t("names.and_more", lang, names=join_names(names[:most], lang, most), n=len(names) - most)
    return ("、" if lang == "zh" else ", ").join(names)


def header(column_id: str, lang: str) -> str:
    """A display table's column header: the `col.<id>` string, or the id itself when it is data."""
    key = f"col.{column_id}"
    return t(key, lang) if key in STRINGS else column_id


_ZH_PLAN_NUMERALS = {10: "十", 11: "十一", 12: "十二", 13: "十三", 14: "十四", 15: "十五"}


def plan_label(plan: int, lang: str) -> str:
    """A Five-Year Plan by its number: '11th Five-Year Plan' / '“十一五”'."""
    if lang == "zh":
        return f"“{_ZH_PLAN_NUMERALS.get(int(plan), plan)}五”"
    return f"{int(plan)}th Five-Year Plan"
