#!/usr/bin/env bash
# shellcheck disable=SC1111 # Chinese text uses the quotation marks “” on purpose
#
# Build the sample board "零售银行客户画布 Retail Banking Customer Canvas 2026"
# through the Customer Canvas command line.
#
# Usage: build_sample_board.sh CUSTOMER_CANVAS_BINARY BOARD_PATH
#
# The board is what the insight team of a mid-size retail bank pinned from
# research gathered between June and November 2026: 50 notes across the four
# quadrants of the "canvas" template and 19 links between them. BOARD_PATH
# must not exist yet. The script stops at the first command that fails.
#
# Each note is written as:
#   note KEY QUADRANT SOURCE_KIND DATE AUTHOR \
#       "Title line" \
#       "Body, optionally continued" "in more strings joined by spaces" \
#       [--tag X]... [--segment S] [--votes N]
# KEY is a name used only inside this script, to refer to the note in links.

set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

PROG=${0##*/}
readonly PROG

die() {
    printf '%s: %s\n' "$PROG" "$*" >&2
    exit 1
}

if (( $# != 2 )); then
    printf 'usage: %s CUSTOMER_CANVAS_BINARY BOARD_PATH\n' "$PROG" >&2
    exit 2
fi

BIN=$1
BOARD=$2
readonly BIN BOARD

[[ -n $BOARD ]] || die "BOARD_PATH is empty"
if [[ -e $BOARD || -L $BOARD ]]; then
    die "board already exists, not overwriting: $BOARD"
fi
command -v -- "$BIN" >/dev/null 2>&1 || die "not an executable program: $BIN"

readonly TITLE="零售银行客户画布 Retail Banking Customer Canvas 2026"
readonly SOURCE_KINDS=" brain_scan census trend_spotting complaint feedback
    deep_immersion customer_panel survey external_analysis focus_group
    mystery_shopping omnibus_survey intuition previous_engagement
    staff_anecdote third_party_db transaction_db voice_of_customer
    web_callcenter events other "

declare -A ID=()            # note key -> note id printed by the binary
declare -A SOURCES_USED=()  # source kind -> number of notes
declare -a IN_QUADRANT=(0 0 0 0 0)
declare -A LINKS_OF_KIND=([supports]=0 [conflicts]=0 [relates]=0)
note_count=0
link_count=0
board_created=0

on_exit() {
    local rc=$?
    if (( rc != 0 && board_created )); then
        printf '%s: stopped with an incomplete board at %s; delete it before running again\n' \
            "$PROG" "$BOARD" >&2
    fi
}
trap on_exit EXIT

# Print a program's answer as an id, or fail if it is not one line without blanks.
check_id() {
    local what=$1 id=$2
    if [[ -z $id || $id == *[[:space:]]* ]]; then
        die "$what: expected one id on stdout, got '$id'"
    fi
}

# note KEY QUADRANT SOURCE DATE AUTHOR TITLE [BODY_PART...] [add options...]
# Body parts (the arguments up to the first one starting with --) are joined
# with single spaces into the body, so long English bodies can span lines.
note() {
    (( $# >= 6 )) || die "note: expected at least 6 arguments, got $#"
    local key=$1 quadrant=$2 source=$3 date=$4 author=$5 title=$6
    shift 6
    local body=""
    while (( $# > 0 )) && [[ $1 != --* ]]; do
        body+=${body:+ }$1
        shift
    done

    [[ -z ${ID[$key]+set} ]] || die "note $key: key used twice"
    [[ $quadrant =~ ^[1-4]$ ]] || die "note $key: quadrant must be 1-4, not $quadrant"
    [[ $SOURCE_KINDS == *[[:space:]]"$source"[[:space:]]* ]] \
        || die "note $key: unknown source kind $source"
    [[ $date =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "note $key: bad date $date"
    [[ $date > 2026-05-31 && $date < 2026-11-16 ]] \
        || die "note $key: date $date outside 2026-06-01..2026-11-15"

    local text=$title
    if [[ -n $body ]]; then
        text+=$'\n'"$body"
    fi

    local id
    id=$("$BIN" add "$BOARD" \
        --text "$text" \
        --source "$source" \
        --quadrant "$quadrant" \
        --date "$date" \
        --author "$author" \
        "$@") || die "note $key: '$BIN add' failed"
    check_id "note $key" "$id"

    ID[$key]=$id
    SOURCES_USED[$source]=$(( ${SOURCES_USED[$source]:-0} + 1 ))
    IN_QUADRANT[quadrant]=$(( IN_QUADRANT[quadrant] + 1 ))
    note_count=$(( note_count + 1 ))
}

# link FROM_KEY TO_KEY KIND AUTHOR [LABEL]
# For "supports", FROM is the evidence and TO the note it corroborates.
link() {
    (( $# == 4 || $# == 5 )) || die "link: expected 4 or 5 arguments, got $#"
    local from=$1 to=$2 kind=$3 author=$4 label=${5-}

    [[ -n ${ID[$from]+set} ]] || die "link: unknown note key $from"
    [[ -n ${ID[$to]+set} ]] || die "link: unknown note key $to"
    [[ $from != "$to" ]] || die "link: $from linked to itself"
    case $kind in
        supports | conflicts | relates) ;;
        *) die "link $from -> $to: unknown kind $kind" ;;
    esac

    local -a args=(link "$BOARD" "${ID[$from]}" "${ID[$to]}"
        --kind "$kind" --author "$author")
    if [[ -n $label ]]; then
        args+=(--label "$label")
    fi

    local id
    id=$("$BIN" "${args[@]}") || die "link $from -> $to: '$BIN link' failed"
    check_id "link $from -> $to" "$id"

    LINKS_OF_KIND[$kind]=$(( LINKS_OF_KIND[$kind] + 1 ))
    link_count=$(( link_count + 1 ))
}

# ---------------------------------------------------------------------------
# The board
# ---------------------------------------------------------------------------
"$BIN" new "$BOARD" --title "$TITLE" --template canvas --lang both >&2 \
    || die "'$BIN new' failed"
board_created=1

# ---------------------------------------------------------------------------
# Quadrant 1: Profile / 客户画像 (who they are)
# ---------------------------------------------------------------------------
note active_base 1 transaction_db 2026-06-08 "Li Wei" \
    "Active retail customers: 2.84 million, median age 41" \
    "CRM extract at 31 May. Age 18-30: 22%, 31-45: 34%, 46-60: 27%," \
    "over 60: 17%. Active = one self-initiated transaction in 90 days." \
    --tag demographics --votes 2

note census_aging 1 census 2026-06-15 "王芳" \
    "主要服务区 60 岁以上常住人口占比 23.4%" \
    "据人口普查及 2025 年地方统计年鉴，上海、苏南、浙北服务区老龄化程度高于全国；独居老人户占老年人家庭的 18%。" \
    --tag demographics --tag 适老化 --segment "退休客户" --votes 3

note census_newcomers 1 census 2026-07-02 "Li Wei" \
    "31% of residents aged 20-34 in our core cities hold a non-local hukou" \
    "Census tables for our six core cities." \
    "Renting households rose from 38% to 45% since the previous census." \
    --tag demographics --tag 年轻客户 --segment "Young professionals"

note sme_size 1 third_party_db 2026-07-20 "王芳" \
    "小微企业客户：78% 员工少于 20 人" \
    "与第三方工商数据库匹配：我行 4.6 万户小微对公客户中，41% 成立不满 5 年；行业前三为批发零售、餐饮、物流。" \
    --tag sme --segment "SME owners" --votes 1

note multi_banking 1 third_party_db 2026-08-05 "Sarah Chen" \
    "Our customers bank with 2.7 institutions on average" \
    "Credit-bureau and market-panel data:" \
    "only 34% have their salary paid into our bank, i.e. treat us as their main bank." \
    --tag primacy --tag competition --votes 4

note hnw_aum 1 transaction_db 2026-08-18 "Li Wei" \
    "High net worth 客户 1.24 万户，贡献零售 AUM 的 38%" \
    "AUM 600 万元以上客户 12,400 户，仅占零售客户 0.4%；平均年龄 54 岁，52% 为企业主。" \
    --tag wealth --segment "High net worth" --votes 3

note peer_age_benchmark 1 external_analysis 2026-09-03 "Tom Baker" \
    "Our customer base is older than our peers'" \
    "Consultancy benchmark of 14 mid-size banks:" \
    "customers under 30 are 22% of ours vs 29% peer median; over 60 are 17% vs 13%." \
    --tag benchmark --tag 年轻客户 --votes 2

note gig_share 1 omnibus_survey 2026-09-12 "Sarah Chen" \
    "18-35 岁城市居民中 21% 以灵活就业为主要收入" \
    "综合调查（6 城，n=3,000）：外卖、网约车、自媒体等收入按周或按单结算，近半数没有稳定的月度工资流水。" \
    --tag 年轻客户 --tag lending --segment "灵活就业者"

note elders_with_children 1 staff_anecdote 2026-09-25 "张强" \
    "县域网点：约一半老年客户由子女陪同办理业务" \
    "苏州、嘉兴 8 家县域网点主任反映，子女常替父母操作手机银行，也常替父母决定理财产品。" \
    --tag 退休客户 --tag branch --segment "退休客户" --votes 1

note segment_refresh 1 previous_engagement 2026-10-09 "王芳" \
    "2024 segmentation 模型复核：六大客群结构稳定" \
    "Re-ran the 2024 cluster model on September data: Young professionals 从 18% 增至 21%，退休客户稳定在 17%。" \
    --tag segmentation --votes 0

note crossborder_families 1 transaction_db 2026-10-21 "Li Wei" \
    "跨境家庭客群约 9.6 万户" \
    "近 12 个月有境外汇款或结售汇记录的零售客户 9.6 万户，其中 63% 有子女在海外留学，平均 AUM 为全行平均的 3.1 倍。" \
    --tag cross-border --tag wealth --segment "跨境家庭" --votes 2

note sme_owner_personal 1 third_party_db 2026-11-06 "Sarah Chen" \
    "小微企业主中 58% 在我行有个人账户" \
    "工商登记与零售客户信息匹配：4.6 万户小微客户的企业主中，58% 在我行开有个人账户，但只有 21% 持有我行信用卡。" \
    --tag sme --tag cross-sell --segment "SME owners"

# ---------------------------------------------------------------------------
# Quadrant 2: Behaviour / 行为 (what they do)
# ---------------------------------------------------------------------------
note counter_decline 2 transaction_db 2026-06-12 "Li Wei" \
    "柜面交易笔数同比下降 24%" \
    "2026 年 1-5 月手机银行交易占比升至 91%；但 60 岁以上客户的柜面交易只下降了 6%。" \
    --tag branch --tag mobile --votes 3

note app_transfer_fail 2 web_callcenter 2026-06-26 "Tom Baker" \
    "App 转账失败率 3.2%" \
    "5 月 App 转账请求 1,870 万笔，失败 59.8 万笔；41% 为跨行转账超时，27% 为人脸识别未通过。" \
    --tag mobile --tag transfers --votes 6

note callcentre_transfers 2 web_callcenter 2026-07-08 "Sarah Chen" \
    "Failed transfers are now the top reason for calling us" \
    "June: 412,000 inbound calls, 18% about failed or delayed transfers (11% in March)." \
    "Average handling time 6 min 40 s." \
    --tag mobile --tag transfers --tag call-centre --votes 4

note branch_onboarding 2 mystery_shopping 2026-07-22 "张强" \
    "神秘顾客：网点开户平均用时 47 分钟" \
    "6 月走访 12 家网点，7 家超过 40 分钟；多家网点要求客户重新填写已在手机银行预填的信息。" \
    --tag branch --tag onboarding --votes 2

note mystery_app_transfer 2 mystery_shopping 2026-08-10 "Tom Baker" \
    "Mystery shoppers: 4 of 10 hit a face-check failure on cross-bank transfers" \
    "Ten shoppers, ten transfers each over two weeks." \
    "Two of them gave up and finished the transfer at a branch." \
    --tag mobile --tag transfers --votes 5

note fee_complaints 2 complaint 2026-08-19 "王芳" \
    "二季度手续费类投诉占比 31%" \
    "二季度共受理投诉 9,840 件，其中手续费类 3,050 件，主要是小额账户管理费和跨行取现费。" \
    --tag fees --votes 3

note payday_outflow 2 transaction_db 2026-09-04 "Li Wei" \
    "Young professionals move 62% of their salary out within 48 hours" \
    "Salary accounts of customers aged 25-35:" \
    "the money goes mostly to Alipay and WeChat Pay balances and to other banks' wealth products." \
    --tag 年轻客户 --tag primacy --segment "Young professionals" --votes 4

note retiree_redemption 2 transaction_db 2026-09-16 "Li Wei" \
    "退休客户 9 月理财赎回额环比增长 35%" \
    "60 岁以上客户 9 月赎回理财 18.4 亿元，其中约 70% 转为定期存款。" \
    --tag wealth --tag 退休客户 --segment "退休客户"

note elders_check_branch 2 staff_anecdote 2026-09-29 "张强" \
    "大堂经理：老年客户常来网点只为确认 App 转账是否到账" \
    "杭州 3 家网点大堂经理估计，每家网点每天有 15-20 位老年客户拿着手机来问“钱到了没有”。" \
    --tag 退休客户 --tag branch --tag transfers --segment "退休客户" --votes 3

note app_usage 2 web_callcenter 2026-10-07 "Tom Baker" \
    "App 月活 186 万，30% 的会话只查余额" \
    "App analytics, September: wealth pages reached by 9% of users," \
    "conversion 0.6%; bill payment used by 12%." \
    --tag mobile --tag wealth --votes 1

note sme_expo 2 events 2026-10-18 "Sarah Chen" \
    "SME expo: 52 of 140 booth visitors asked for an on-the-spot loan pre-approval" \
    "Suzhou SME expo, two days." \
    "Most of the owners who asked already had a loan with a competitor." \
    --tag sme --tag lending --segment "SME owners" --votes 2

note instalments 2 transaction_db 2026-11-03 "Li Wei" \
    "信用卡账单分期渗透率 8.7%，25-30 岁持卡人达 15%" \
    "10 月数据；年轻持卡人分期主要用于电子产品和旅行，平均期数 6 期。" \
    --tag credit-card --tag 年轻客户 --segment "Young professionals"

note transfer_complaints_oct 2 complaint 2026-11-10 "王芳" \
    "10 月手机银行转账投诉 1,126 件，环比增长 48%" \
    "集中在跨行转账延迟和人脸识别失败；其中 86 件升级至监管投诉渠道。" \
    --tag mobile --tag transfers --votes 5

# ---------------------------------------------------------------------------
# Quadrant 3: Attitudes / 态度与感受 (what they say, think and feel)
# ---------------------------------------------------------------------------
note app_survey 3 survey 2026-06-20 "Sarah Chen" \
    "In-app survey: 81% satisfied with the app, transfers rated 8.6/10" \
    "Quarterly digital survey, n=2,150, invitations shown inside the app." \
    "Transfers scored best of all features; NPS among app users +38." \
    --tag mobile --tag transfers --votes 3

note nps_annual 3 survey 2026-07-15 "王芳" \
    "年度净推荐值 +12，比去年下降 6 分" \
    "年度关系型电话调查（n=4,000）：贬损者最常提到“手续费”和“网点排队”。" \
    --tag fees --tag branch --votes 4

note parents_bank 3 focus_group 2026-07-28 "Sarah Chen" \
    "焦点小组：年轻客户觉得我们是“父母的银行”" \
    "上海两场 25-32 岁焦点小组（16 人）：评价“稳重、安全”，也说“老派”、“手机银行不好玩”；多数人只把工资卡留在我行。" \
    --tag 年轻客户 --tag brand --segment "Young professionals" --votes 6

note fee_fairness 3 complaint 2026-08-12 "张强" \
    "Fee complaints are about fairness, not the amount" \
    "Read 300 fee complaints in full:" \
    "the wording is 'punished for being small' and 'nobody told me', rarely the size of the fee." \
    --tag fees --votes 4

note app_reviews 3 feedback 2026-08-27 "Tom Baker" \
    "App store rating 2.9 stars; transfers are the top complaint" \
    "1,240 iOS and Android reviews, June-August." \
    "38% of the 1-2 star reviews mention transfers or the face check." \
    --tag mobile --tag transfers --votes 3

note retiree_branch_sat 3 survey 2026-09-08 "王芳" \
    "退休客户网点服务满意度 92%" \
    "网点现场拦访（n=1,200）：60 岁以上客户最看重“面对面办理”和“有熟悉的工作人员”。" \
    --tag branch --tag 退休客户 --segment "退休客户" --votes 2

note sme_loan_trust 3 focus_group 2026-09-19 "Sarah Chen" \
    "SME owners feel our loan process 'does not trust us'" \
    "Two groups in Suzhou and Ningbo, 14 owners: documents asked for twice," \
    "collateral rules seen as outdated; several call us 'a bank for big companies'." \
    --tag sme --tag lending --segment "SME owners" --votes 4

note brand_trust 3 omnibus_survey 2026-09-30 "Li Wei" \
    "品牌形象：“值得信赖”排第 4，“创新”仅排第 11" \
    "综合调查（6 城，n=2,000）：同类 14 家银行中，我行“值得信赖”认同度 58%，“创新”认同度 21%。" \
    --tag brand

note neuro_fee_screen 3 brain_scan 2026-10-12 "Tom Baker" \
    "Neuro study: the fee step of a cross-bank transfer triggers the strongest frustration" \
    "Agency EEG and eye-tracking lab, 24 participants." \
    "Attention also drops by 40% on the wealth product page." \
    --tag mobile --tag fees --votes 2

note hnw_panel_rm 3 customer_panel 2026-10-22 "王芳" \
    "私行客户小组：客户经理“只推产品，不为我打算”" \
    "季度客户小组（8 人）：多数人认为客户经理更换太频繁，推荐以高佣金产品为主。" \
    --tag wealth --segment "High net worth" --votes 5

note hnw_rm_survey 3 survey 2026-11-04 "Sarah Chen" \
    "私行客户调查：67% satisfied with their relationship manager" \
    "Annual private-banking survey (n=640)：72% 愿意推荐；但只有 35% 表示客户经理主动给过建议。" \
    --tag wealth --segment "High net worth" --votes 1

note retiree_pushed_app 3 feedback 2026-11-12 "张强" \
    "网点意见簿：老年客户反感被“赶去用手机”" \
    "10 月 40 家网点意见簿共 312 条留言，其中 57 条抱怨被引导去手机银行办理，多来自 65 岁以上客户。" \
    --tag branch --tag mobile --tag 退休客户 --segment "退休客户" --votes 3

# ---------------------------------------------------------------------------
# Quadrant 4: Needs & aspirations / 需求与期望 (what they need and want)
# ---------------------------------------------------------------------------
note retiree_confirmation 4 deep_immersion 2026-06-30 "王芳" \
    "退休客户要的是“确认感”，不是更快" \
    "跟随 6 位退休客户一周：转账后反复查询、打电话、跑网点；他们需要明确的到账确认，和一个找得到的真人。" \
    --tag 退休客户 --tag transfers --segment "退休客户" --votes 6

note fee_notice 4 voice_of_customer 2026-07-10 "Sarah Chen" \
    "Tell me before you charge me" \
    "Voice-of-customer programme, 860 verbatims from Q2:" \
    "the most frequent fee request is advance notice and a way to avoid the fee, not a lower fee." \
    --tag fees --votes 4

note one_view 4 customer_panel 2026-07-31 "Li Wei" \
    "Young professionals want one place to see all their money" \
    "Digital panel, 30 members, 3 sessions:" \
    "22 want the app to show accounts at other banks and Alipay/WeChat balances; few ask for more products." \
    --tag mobile --tag 年轻客户 --segment "Young professionals" --votes 3

note transfer_hunch 4 intuition 2026-08-14 "Tom Baker" \
    "Hunch: 先把转账修好，比任何新功能都值钱" \
    "Logs, complaints and mystery shopping keep pointing at the same journey;" \
    "trust in the app is won or lost on transfers." \
    --tag mobile --tag transfers --votes 7

note sme_fast_loan 4 deep_immersion 2026-08-25 "张强" \
    "小微企业主需要“一次提交、三天放款”" \
    "陪同 5 位企业主办理贷款：平均提交资料 3 次、用时 19 天；他们愿意接受略高的利率，换取确定的放款时间。" \
    --tag sme --tag lending --segment "SME owners" --votes 7

note ageing_rules 4 other 2026-08-30 "王芳" \
    "监管要求年内完成适老化改造" \
    "监管通知：手机银行大字版、语音播报和网点无障碍设施须在年底前到位；与退休客户访谈中的诉求一致。" \
    --tag 适老化 --tag regulation --segment "退休客户" --votes 1

note embedded_finance 4 trend_spotting 2026-09-10 "Tom Baker" \
    "Trend: young customers expect banking inside the platforms they already use" \
    "Media and start-up scan: payroll," \
    "rent and travel platforms now offer savings and instalments in their own flows." \
    --tag 年轻客户 --tag mobile --segment "Young professionals" --votes 2

note crossborder_oneclick 4 voice_of_customer 2026-09-22 "王芳" \
    "跨境家庭希望留学汇款“一次办完”" \
    "9 月客户之声 420 条逐字稿：最常提到留学缴费资料重复提交、汇率不透明，希望在手机上一次办完并锁定汇率。" \
    --tag cross-border --tag mobile --segment "跨境家庭" --votes 3

note family_view 4 customer_panel 2026-10-03 "Sarah Chen" \
    "退休客户希望子女“看得到、动不了”自己的账户" \
    "退休客户小组（10 人）：8 人希望子女能查看账户并收到大额交易提醒，但不能转账；主要担心电信诈骗。" \
    --tag 退休客户 --tag 反诈 --segment "退休客户" --votes 5

note hnw_legacy 4 events 2026-10-16 "张强" \
    "私行沙龙：高净值客户更关心传承，而不是收益" \
    "10 月 3 场传承主题沙龙共 96 位客户；60% 的提问关于家族信托、保险金信托和子女教育，问收益率的不到 10%。" \
    --tag wealth --segment "High net worth" --votes 4

note human_touch 4 intuition 2026-10-27 "王芳" \
    "我们低估了关键时刻“找得到真人”的价值" \
    "综合近半年材料的判断：数字化越深，客户在出问题时越需要真人；建议把“联系客户经理”做成手机银行首页入口。" \
    --tag branch --tag mobile --votes 2

note gig_weekly_credit 4 focus_group 2026-11-05 "Sarah Chen" \
    "Gig workers want credit that follows their weekly income" \
    "Focus group with 9 ride-hailing and delivery workers: small," \
    "short loans repaid weekly; monthly instalments do not match how they are paid." \
    --tag lending --tag 年轻客户 --segment "灵活就业者" --votes 3

note sme_personal_business 4 deep_immersion 2026-11-13 "Li Wei" \
    "SME owners 希望个人账户和企业账户打通" \
    "跟访 4 位企业主：每月多次在个人卡和公司户之间手工调拨；需要 one view of both cash flows，并能一键代发工资。" \
    --tag sme --tag mobile --segment "SME owners" --votes 2

# ---------------------------------------------------------------------------
# Links. FROM supports TO; conflicts and relates read both ways.
# ---------------------------------------------------------------------------

# Supports: five notes corroborated by two different source kinds each.
link mystery_app_transfer    app_transfer_fail    supports "Tom Baker" "reproduced by shoppers"
link transfer_complaints_oct app_transfer_fail    supports "王芳"
link elders_check_branch     retiree_confirmation supports "张强" "网点观察"
link retiree_branch_sat      retiree_confirmation supports "王芳"
link sme_loan_trust          sme_fast_loan        supports "Sarah Chen"
link sme_expo                sme_fast_loan        supports "Sarah Chen" "demand seen at expo"
link peer_age_benchmark      parents_bank         supports "Tom Baker"
link brand_trust             parents_bank         supports "Li Wei" "创新认同度低"
link fee_fairness            fee_notice           supports "张强"
link neuro_fee_screen        fee_notice           supports "Tom Baker"

# Conflicts: open questions for the next research round.
link app_survey         app_transfer_fail  conflicts "Tom Baker" "survey vs logs"
link app_survey         app_reviews        conflicts "Sarah Chen" "in-app sample bias?"
link hnw_rm_survey      hnw_panel_rm       conflicts "王芳" "满意 vs 只推产品"
link retiree_branch_sat retiree_pushed_app conflicts "张强"
link human_touch        counter_decline    conflicts "Li Wei" "直觉 vs 交易数据"

# Relates: the same customers seen from two quadrants.
link elders_with_children family_view          relates "王芳"
link crossborder_families crossborder_oneclick relates "Li Wei"
link gig_share            gig_weekly_credit    relates "Sarah Chen" "same segment"
link sme_owner_personal   sme_personal_business relates "张强"

# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------
printf 'Built %s\n' "$BOARD"
printf '  notes: %d (Profile %d, Behaviour %d, Attitudes %d, Needs %d)\n' \
    "$note_count" "${IN_QUADRANT[1]}" "${IN_QUADRANT[2]}" "${IN_QUADRANT[3]}" "${IN_QUADRANT[4]}"
printf '  links: %d (supports %d, conflicts %d, relates %d)\n' \
    "$link_count" "${LINKS_OF_KIND[supports]}" "${LINKS_OF_KIND[conflicts]}" \
    "${LINKS_OF_KIND[relates]}"
printf '  source kinds used: %d\n' "${#SOURCES_USED[@]}"
